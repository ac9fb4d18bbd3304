// Groups GET /api/v1/meetings/{id}/dial-attempts per room system and says which operator actions make sense.

export interface DialAttempt { id: number; site: string; attemptNo: number; rung: 'jibri' | 'jigasi' | 'phone'; target: string; startedAt: string; outcome: string; reason: string | null }
export interface SiteDials { site: string; attempts: DialAttempt[]; last: DialAttempt | null; canRetry: boolean }

/** One entry per room-system site (in the invitation order), its attempts oldest first. */
export function dialsBySite(sites: string[], attempts: DialAttempt[]): SiteDials[] {
  return sites.map((site) => {
    const mine = attempts.filter((a) => a.site.toUpperCase() === site.toUpperCase()).sort((a, b) => a.id - b.id);
    const last = mine.length ? mine[mine.length - 1] : null;
    // The server decides (409 call-already-up / call-ringing); the button only hides what would surely be refused.
    return { site, attempts: mine, last, canRetry: !last || (last.outcome !== 'CONNECTED' && last.outcome !== 'PENDING') };
  });
}

const EVENT_OF: Record<string, string> = { PENDING: 'call-pending', CONNECTED: 'call-on', HUNG_UP: 'call-off', FAILED: 'call-failed' };

/** Each site's (upper-cased code) last attempt as the wall's call state, in the live stream's event names; UNKNOWN says nothing. */
export function lastCallStates(attempts: DialAttempt[]): Map<string, { state: string; at: string; detail: string }> {
  const out = new Map<string, { state: string; at: string; detail: string }>();
  for (const a of [...attempts].sort((x, y) => x.startedAt.localeCompare(y.startedAt) || x.attemptNo - y.attemptNo)) {
    const state = EVENT_OF[a.outcome];
    if (state) out.set(a.site.toUpperCase(), { state, at: a.startedAt, detail: a.reason ?? '' });
  }
  return out;
}
