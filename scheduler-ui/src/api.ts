// Same-origin calls to the orchestrator; the JWT travels as its HttpOnly cookie.
import { lang, tr } from './i18n';
import { showProblem, type ShownProblem } from './problem';

export class ApiError extends Error {
  constructor(readonly status: number, readonly shown: ShownProblem) {
    super(shown.message);
  }
}

async function body(r: Response): Promise<unknown> {
  const text = await r.text();
  if (!text) return null;
  try { return JSON.parse(text); } catch { return text; }
}

export async function call<T>(method: string, path: string, payload?: unknown,
                              headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {
    Accept: 'application/json', 'Accept-Language': lang(), ...headers } };
  if (payload !== undefined) {
    init.body = JSON.stringify(payload);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let r: Response;
  try {
    r = await fetch(path, init);
  } catch {
    throw new ApiError(0, { message: tr('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
      'The server cannot be reached. Check the network and try again.'), fields: {}, general: [] });
  }
  const b = await body(r);
  if (!r.ok) throw new ApiError(r.status, showProblem(r.status, b));
  return b as T;
}

export const get = <T>(path: string) => call<T>('GET', path);

export function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface Page<T> { items: T[]; page: number; size: number; total: number }
export interface MeetingSummary {
  id: number; title: string; hostSite: string; start: string; end: string;
  status: string; seriesId: number | null; inviteCount: number; version: number;
}
export interface Invitation { site: string; participation: string; wayIn: string; roomSystem: string | null; region: string }
export interface CapacityHold {
  region: string; from: string; to: string; bridgePps: number; visitorSlots: number;
  videoGateways: number; audioCalls: number; explanation: string;
}
export interface Meeting extends Omit<MeetingSummary, 'inviteCount'> {
  agenda: string | null; invites: Invitation[]; capacity: CapacityHold[];
}
export interface SiteAttendance { site: string; state: string; firstJoined: string | null; lastLeft: string | null; endpoints: number }
export interface SiteLink { site: string; path: string }
export interface Site { code: string; nameVi: string; kind: string; region: string; parentCode: string | null; roomSystemCount: number }
export interface Amounts { pps: number; visitorSlots: number; videoGateways: number; audioCalls: number }
export interface RegionUsage {
  region: string; offered: Amounts | null; peakReserved: Amounts | null; reservations: number;
  overCommitted: boolean; explanation: string | null;
}
