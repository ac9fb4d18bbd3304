// Editing and cancelling a booked meeting: the form's values → PUT/POST requests (pure, so it is unit-tested).
import type { Meeting } from './api';
import { vietnamDateAndTime } from './format';
import { words } from './i18n';

/** Which occurrences of a series a change applies to (the API's SeriesScope). */
export type Scope = 'ONE' | 'FOLLOWING' | 'ALL';

export const SCOPE_VI: Record<Scope, string> = words({
  ONE: ['Chỉ buổi này', 'This occurrence only'], FOLLOWING: ['Buổi này và các buổi sau', 'This and the following ones'],
  ALL: ['Tất cả các buổi trong chuỗi', 'Every occurrence of the series'],
});

/** A single meeting has one scope; a series member offers all three. */
export function scopesFor(m: Pick<Meeting, 'seriesId'>): Scope[] {
  return m.seriesId == null ? ['ONE'] : ['ONE', 'FOLLOWING', 'ALL'];
}

export interface EditForm { title: string; agenda: string; date: string; startTime: string; endTime: string }

export function editFormOf(m: Meeting): EditForm {
  const s = vietnamDateAndTime(m.start);
  const e = vietnamDateAndTime(m.end);
  return { title: m.title, agenda: m.agenda ?? '', date: s.date, startTime: s.time, endTime: e.time };
}

/**
 * The body of PUT /api/v1/meetings/{id}: the API replaces the whole booking, so the host and the invited sites
 * are sent back as they are (each as its own explicit invite, with its room system) and only what the form
 * edits changes. Times are Vietnamese wall-clock times, the API's default zone.
 */
export function toEditRequest(m: Meeting, f: EditForm) {
  return {
    title: f.title.trim(),
    agenda: f.agenda.trim(),
    hostSite: m.hostSite,
    start: `${f.date}T${f.startTime}`,
    end: `${f.date}T${f.endTime}`,
    invites: m.invites.map((i) => ({
      site: i.site, participation: i.participation, wayIn: i.wayIn, roomSystem: i.roomSystem,
    })),
    inviteRules: [],
  };
}

export function editUrl(id: number, scope: Scope): string {
  return `/api/v1/meetings/${id}?scope=${scope}`;
}

export function cancelUrl(id: number, scope: Scope, reason: string): string {
  const q = new URLSearchParams({ scope });
  if (reason.trim()) q.set('reason', reason.trim());
  return `/api/v1/meetings/${id}/cancel?${q}`;
}

/** The ETag of the version the user saw, sent as If-Match so a change made meanwhile answers 412. */
export function ifMatch(m: Pick<Meeting, 'version'>): Record<string, string> {
  return { 'If-Match': `"${m.version}"` };
}

/** Which edit-form field shows a server error ("start" → the date field); others go above the form. */
export function editFieldOf(apiField: string): string | null {
  const name = apiField.split(/[[.]/, 1)[0];
  return ['title', 'agenda', 'start', 'end'].includes(name) ? name : null;
}
