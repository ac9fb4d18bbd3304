// Answers of the orchestrator in its exact shapes (api.ts, the screens' own interfaces), for english.test.ts.
// Names are ASCII so that any Vietnamese letter on a rendered screen comes from the UI, not from the data.
const AT = '2026-12-07T01:00:00Z';
const END = '2026-12-07T03:00:00Z';
const summary = { id: 1, title: 'Weekly briefing', hostSite: 'STP-HNI', start: AT, end: END, status: 'BOOKED', seriesId: 5, inviteCount: 2, version: 3 };
const meeting = {
  ...summary, agenda: 'Item one',
  invites: [
    { site: 'STP-HNI', participation: 'INTERACTIVE', wayIn: 'BROWSER', roomSystem: null, region: 'NORTH' },
    { site: 'STP-HPG', participation: 'VIEWER', wayIn: 'ROOM_SYSTEM', roomSystem: 'HPG-ROOM-1', region: 'NORTH' },
  ],
  capacity: [{ region: 'NORTH', from: AT, to: END, bridgePps: 1200, visitorSlots: 0, videoGateways: 1, audioCalls: 0, explanation: 'x' }],
};
const site = (code: string, parentCode: string | null) => ({ code, nameVi: `Site ${code}`, kind: 'PROVINCE_JUSTICE', region: 'NORTH', parentCode, roomSystemCount: 1 });
const amounts = { pps: 1000, visitorSlots: 10, videoGateways: 2, audioCalls: 4 };
const node = (id: string, status: string, draining = false) => ({ id, kind: 'JVB', region: 'NORTH', status, stress: 0.4, conferences: 1,
  participants: 9, draining, gracefulShutdown: false, version: '2.3', lastSeen: AT });
const unitLine = { site: 'STP-HNI', name: 'Site STP-HNI', region: 'NORTH', meetings: 4, attended: 3, attendanceRate: 0.75, late: 1, dialFailed: 1, meanMos: 3.9, poorQuality: 1, problems: [] };

/** The JSON body for a request, or undefined for 404. */
export function FIXTURES(url: URL): unknown {
  const p = url.pathname;
  const routes: Record<string, unknown> = {
    '/api/v1/me': { username: 'admin', displayName: 'Admin', roles: ['ADMIN', 'UNIT_OPERATOR'], siteCode: 'STP-HNI' },
    '/api/v1/meetings': { items: [summary, { ...summary, id: 2, status: 'CANCELLED' }], page: 0, size: 50, total: 2 },
    '/api/v1/meetings/1': meeting,
    '/api/v1/meetings/2': { ...meeting, id: 2, status: 'CANCELLED' },
    '/api/v1/meetings/1/attendance': [
      { site: 'STP-HNI', state: 'PRESENT', firstJoined: AT, lastLeft: null, endpoints: 2 },
      { site: 'STP-HPG', state: 'MISSING', firstJoined: null, lastLeft: null, endpoints: 0 }],
    // No points: uPlot needs a canvas, which happy-dom lacks; the chart's own words are still checked.
    '/api/v1/meetings/1/quality/series': { step: 60, from: AT, to: END, meeting: [], sites: {} },
    '/api/v1/meetings/1/dial-attempts': [{ id: 1, site: 'STP-HPG', attemptNo: 1, rung: 'jibri', target: 'sip:room', startedAt: AT, outcome: 'FAILED', reason: 'busy' }],
    '/api/v1/meetings/1/links': [{ site: 'STP-HNI', path: '/j/abc' }, { site: 'STP-HPG', path: '/j/def' }],
    '/api/v1/sites': { items: [site('STP-HNI', null), site('THADS-HNI', 'STP-HNI')], page: 0, size: 30, total: 2 },
    '/api/v1/capacity': [
      { region: 'NORTH', offered: amounts, peakReserved: { ...amounts, pps: 1200 }, reservations: 3, overCommitted: true, explanation: 'peak at 01:00Z' },
      { region: 'SOUTH', offered: null, peakReserved: null, reservations: 0, overCommitted: false, explanation: null }],
    '/api/v1/fleet': [node('jvb-1', 'ENABLED', true), node('jvb-2', 'LOST'),
      { ...node('jvb-3', 'CORDONED'), drain: { drain: true, outcome: 'FAILED', reason: 'POST /colibri/drain/enable failed: ConnectException', at: AT } },
      { ...node('jvb-4', 'DISABLED'), drain: { drain: true, outcome: 'NOT_CONFIGURED', reason: 'no URL', at: AT } },
      { ...node('jvb-5', 'CORDONED'), drain: { drain: true, outcome: 'PENDING', at: AT } }],
    '/api/v1/alerts': [{ id: 7, meetingId: 1, site: 'STP-HPG', severity: 'CRITICAL', message: 'MOS below 3.1', createdAt: AT }],
    '/api/v1/browser-readiness': [
      { site: 'STP-HNI', checkedAt: AT, checkedBy: 'stp-hni', camera: true, microphone: false, downloadKbps: 1500, meetReachable: null, verdict: 'BAD' },
      { site: 'STP-HPG', checkedAt: AT, checkedBy: 'stp-hpg', camera: true, microphone: true, downloadKbps: 9000, meetReachable: true, verdict: 'OK' }],
    '/api/v1/reports/units': { from: '2026-01', to: '2026-12', sites: 1, meetings: 4, attended: 3, attendanceRate: 0.75, meanMos: 3.9,
      months: [{ month: '2026-11', meetings: 4, attended: 3, attendanceRate: 0.75, meanMos: 3.9, poorQuality: 1 }], units: [unitLine], problems: [] },
    '/api/v1/reports/meetings/1': { recordId: 4, expected: 2, joined: 1, late: 0, dialled: 1, dialFailed: 1, measured: 1, poorQuality: 0,
      facts: { meetingId: 1, title: 'Weekly briefing', telemetry: 'UNAVAILABLE', sites: [
        { site: 'STP-HPG', name: 'Site STP-HPG', attendance: 'LATE', firstJoined: AT, lateMinutes: 5, presentSeconds: 600,
          dials: [{ method: 'SIP', target: 'sip:room', attempt: 1, outcome: 'FAILED' }],
          quality: { minutes: 10, mosMean: 3.2, mosMin: 2.9, good: 1, fair: 2, poor: 3, bad: 4, lossPct: 1, rttMs: 80 } }] } },
  };
  return routes[p];
}

/** EventSource as the screens use it: the roll-call stream says "ready", the quality feed sends one window. */
export class FakeEventSource {
  static CLOSED = 2;
  readyState = 1;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    setTimeout(() => {
      this.emit('ready', '');
      if (url.endsWith('/quality/live')) {
        this.emit('quality', JSON.stringify({ at: AT, endpointId: 'e1', siteCode: 'STP-HNI', sendKbps: 900, recvKbps: 1500, lossPct: 2, rttMs: 90, mos: 3.4 }));
        this.emit('alert', JSON.stringify({ siteCode: 'STP-HNI', raised: true }));
      }
      if (url.endsWith('/events')) this.emit('call-failed', JSON.stringify({ site: 'STP-HPG', at: AT, detail: 'busy' }));
    }, 5);
  }
  addEventListener(type: string, fn: (e: { data: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close(): void { this.readyState = FakeEventSource.CLOSED; }
  private emit(type: string, data: string): void { for (const fn of this.listeners.get(type) ?? []) fn({ data }); }
}
