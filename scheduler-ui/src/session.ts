// Who is logged in: asked once from GET /api/v1/me, forgotten on login, logout or a 401.
import { ApiError, call, get } from './api';

export interface Me { username: string; displayName: string; roles: string[]; siteCode: string | null }

let current: Promise<Me | null> | null = null;

/** The logged-in user, or null when the session has ended (the JWT cookie is missing or expired). */
export function session(): Promise<Me | null> {
  current ??= get<Me>('/api/v1/me').catch((e) => {
    if (e instanceof ApiError && e.status === 401) return null;
    current = null; // a network error is not a logout: ask again next time
    throw e;
  });
  return current;
}

export function forgetSession(): void {
  current = null;
}

/** POST /logout expires the HttpOnly cookie, which this page's script cannot touch itself. */
export async function logout(): Promise<void> {
  await call('POST', '/logout', {});
  current = Promise.resolve(null);
}
