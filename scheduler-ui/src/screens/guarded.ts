import { ApiError } from '../api';
import { alertBox, h } from '../dom';
import { forgetSession } from '../session';
import { tr } from '../i18n';

/** Fills `out` with what `render` builds, a loading line meanwhile, and the problem if it fails (401 → login). */
export async function guarded(out: HTMLElement, render: () => Promise<Node | (Node | null)[]>): Promise<void> {
  out.replaceChildren(h('p', { class: 'muted' }, tr('Đang tải…', 'Loading…')));
  try {
    const r = await render();
    out.replaceChildren(...(Array.isArray(r) ? r.filter((n): n is Node => n !== null) : [r]));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      forgetSession();
      location.hash = '#/login';
      return;
    }
    const shown = e instanceof ApiError ? e.shown : { message: String(e), general: [] as string[] };
    out.replaceChildren(alertBox(shown.message, shown.general));
  }
}
