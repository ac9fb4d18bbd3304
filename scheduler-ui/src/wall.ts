// The operators' wall: pure logic for the collector's live feed (passed through by the orchestrator).
import { words } from './i18n';

export type Grade = 'good' | 'fair' | 'poor' | 'bad';

/** Colour AND a word, so the grade reads without colour too (colour-blind operators, grey printouts). */
export const GRADE_VI: Record<Grade, string> = words({
  good: ['Tốt', 'Good'], fair: ['Khá', 'Fair'], poor: ['Kém', 'Poor'], bad: ['Rất kém', 'Bad'],
});

/** DESIGN §3's MOS bands: good ≥ 4.0, fair ≥ 3.6, poor ≥ 3.1, bad below. */
export function gradeOf(mos: number | null | undefined): Grade | null {
  if (mos === null || mos === undefined || !Number.isFinite(mos)) return null;
  if (mos >= 4.0) return 'good';
  if (mos >= 3.6) return 'fair';
  if (mos >= 3.1) return 'poor';
  return 'bad';
}

/** One participant's latest 10 s window, as the collector sends it. */
export interface Sample {
  at: string; endpointId: string; siteCode: string; region?: string;
  sendKbps: number; recvKbps: number; lossPct: number; rttMs: number; mos: number;
}

export interface WallState { samples: Map<string, Sample>; alerts: Set<string> }

export interface SiteRow {
  site: string; participants: number; mos: number; grade: Grade; recvKbps: number; sendKbps: number;
  lossPct: number; rttMs: number; at: string; alert: boolean;
}

export function emptyWall(): WallState {
  return { samples: new Map(), alerts: new Set() };
}

interface Summary { participants?: Sample[]; sites?: { siteCode: string; alert?: boolean }[] }

/** Folds one live event into the state (a new state; the old one is left alone). Unknown events change nothing. */
export function apply(state: WallState, type: string, data: unknown): WallState {
  const samples = new Map(state.samples);
  const alerts = new Set(state.alerts);
  const d = (data ?? {}) as Record<string, unknown>;
  switch (type) {
    case 'snapshot': {
      const s = d as Summary;
      samples.clear();
      alerts.clear();
      for (const p of s.participants ?? []) if (p.endpointId) samples.set(p.endpointId, p);
      for (const site of s.sites ?? []) if (site.alert) alerts.add(site.siteCode);
      break;
    }
    case 'quality': {
      const p = d as unknown as Sample;
      if (!p.endpointId) return state;
      const old = samples.get(p.endpointId);
      if (old && old.at > p.at) return state; // a late window does not undo a newer one
      samples.set(p.endpointId, p);
      break;
    }
    case 'left':
      if (typeof d.endpointId !== 'string' || !samples.delete(d.endpointId)) return state;
      break;
    case 'alert':
      if (typeof d.siteCode !== 'string') return state;
      if (d.raised) alerts.add(d.siteCode); else alerts.delete(d.siteCode);
      break;
    default:
      return state;
  }
  return { samples, alerts };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Per site: the mean of its participants' latest windows, worst first so trouble is at the top. */
export function siteRows(state: WallState): SiteRow[] {
  const bySite = new Map<string, Sample[]>();
  for (const s of state.samples.values()) {
    const code = s.siteCode || 'unknown';
    bySite.set(code, [...(bySite.get(code) ?? []), s]);
  }
  const rows = [...bySite].map(([site, ss]): SiteRow => {
    const mos = Math.round(mean(ss.map((s) => s.mos)) * 100) / 100;
    return {
      site, participants: ss.length, mos, grade: gradeOf(mos)!,
      recvKbps: mean(ss.map((s) => s.recvKbps)), sendKbps: mean(ss.map((s) => s.sendKbps)),
      lossPct: Math.max(...ss.map((s) => s.lossPct)), rttMs: Math.max(...ss.map((s) => s.rttMs)),
      at: ss.map((s) => s.at).sort().at(-1)!, alert: state.alerts.has(site),
    };
  });
  return rows.sort((a, b) => a.mos - b.mos || a.site.localeCompare(b.site));
}
