// What each role may do, as the orchestrator's @Secured annotations allow it (pure, so it is unit-tested).
// The server stays the judge: this only hides buttons that would certainly answer 403.
import { words } from './i18n';

export const ROLE_VI: Record<string, string> = words({
  ADMIN: ['Quản trị', 'Administrator'], SECRETARIAT: ['Thư ký/Văn phòng', 'Secretariat'],
  UNIT_OPERATOR: ['Cán bộ đơn vị', 'Unit officer'], OPERATOR: ['Vận hành', 'Operator'], OBSERVER: ['Quan sát', 'Observer'],
});

export type Action = 'book' | 'edit' | 'cancel' | 'joinLinks' | 'capacity' | 'unit' | 'fleet' | 'unitsReadiness' | 'alerts' | 'ackAlert' | 'reports' | 'wall' | 'dialActions';

const ALLOWED: Record<Action, string[]> = {
  book: ['ADMIN', 'SECRETARIAT', 'UNIT_OPERATOR'],      // POST /api/v1/meetings
  edit: ['ADMIN', 'SECRETARIAT', 'UNIT_OPERATOR'],      // PUT /api/v1/meetings/{id}
  cancel: ['ADMIN', 'SECRETARIAT', 'UNIT_OPERATOR'],    // POST /api/v1/meetings/{id}/cancel
  joinLinks: ['ADMIN', 'SECRETARIAT', 'UNIT_OPERATOR'], // GET /api/v1/meetings/{id}/links
  capacity: ['ADMIN', 'SECRETARIAT', 'OPERATOR', 'OBSERVER'], // GET /api/v1/capacity
  fleet: ['ADMIN', 'OPERATOR', 'OBSERVER'],            // GET /api/v1/fleet
  unitsReadiness: ['ADMIN', 'SECRETARIAT', 'OPERATOR', 'OBSERVER'], // GET /api/v1/browser-readiness
  alerts: ['ADMIN', 'OPERATOR', 'SECRETARIAT'],        // GET /api/v1/alerts
  ackAlert: ['ADMIN', 'OPERATOR'],                      // POST /api/v1/alerts/{id}/ack
  reports: ['ADMIN', 'SECRETARIAT', 'OPERATOR', 'OBSERVER', 'UNIT_OPERATOR'], // GET /api/v1/reports/* (a unit operator: its subtree, reports.ReportScope)
  wall: ['ADMIN', 'OPERATOR', 'SECRETARIAT', 'OBSERVER'], // GET /api/v1/meetings/{id}/quality/*
  dialActions: ['ADMIN', 'OPERATOR'],                  // POST /api/v1/meetings/{id}/room-systems/{site}/retry|escalate
  unit: ['UNIT_OPERATOR'],                               // the unit's own page (its site's links and feed)
};

/** Whether any of `roles` may do `action`. A unit operator may still be refused outside its own sites. */
export function can(roles: readonly string[], action: Action): boolean {
  return roles.some((r) => ALLOWED[action].includes(r));
}

/** "Thư ký/Văn phòng" (or "Secretariat"), or the codes themselves for a role this UI does not know. */
export function rolesVi(roles: readonly string[]): string {
  return roles.map((r) => ROLE_VI[r] ?? r).join(', ');
}
