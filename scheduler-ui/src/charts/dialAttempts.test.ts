import { describe, expect, it } from 'vitest';
import { dialsBySite, lastCallStates, type DialAttempt } from './dialAttempts';

const a = (id: number, site: string, outcome: string): DialAttempt =>
  ({ id, site, attemptNo: id, rung: 'jibri', target: 'sip:x', startedAt: '2026-01-01T01:00:00Z', outcome, reason: null });

describe('dial attempts per room system', () => {
  it('groups by site, oldest first, and offers Retry only when no call is up or ringing', () => {
    const d = dialsBySite(['STP-HNI', 'STP-HPG', 'STP-DNG', 'STP-QNI'],
      [a(3, 'stp-hni', 'CONNECTED'), a(1, 'STP-HNI', 'FAILED'), a(2, 'STP-HPG', 'FAILED'), a(4, 'STP-DNG', 'PENDING')]);
    expect(d[0].attempts.map((x) => x.id)).toEqual([1, 3]);
    expect(d.map((s) => s.canRetry)).toEqual([false, true, false, true]);
    expect(d[3].last).toBeNull();
  });
});

describe('who gets the Retry / Escalate buttons', () => {
  it('operators and admins, as the API allows; the secretariat and observers only read', async () => {
    const { can } = await import('../roles');
    expect(can(['OPERATOR'], 'dialActions')).toBe(true);
    expect(can(['ADMIN'], 'dialActions')).toBe(true);
    expect(can(['SECRETARIAT'], 'dialActions')).toBe(false);
    expect(can(['OBSERVER'], 'dialActions')).toBe(false);
  });
});

describe('lastCallStates', () => {
  it('takes each site\'s last attempt as the live stream names it, and skips UNKNOWN', () => {
    const at = (m: number) => `2026-12-05T07:${String(m).padStart(2, '0')}:00Z`;
    const a = (site: string, n: number, outcome: string, m: number): DialAttempt =>
      ({ id: n, site, attemptNo: n, rung: 'jibri', target: 'sip:x', startedAt: at(m), outcome, reason: outcome === 'FAILED' ? 'busy' : null });
    const states = lastCallStates([a('hpg', 2, 'CONNECTED', 5), a('HPG', 1, 'FAILED', 4), a('HNI', 1, 'PENDING', 4), a('DNG', 1, 'UNKNOWN', 3)]);
    expect(states.get('HPG')).toEqual({ state: 'call-on', at: at(5), detail: '' });
    expect(states.get('HNI')?.state).toBe('call-pending');
    expect(states.has('DNG')).toBe(false);
  });
});
