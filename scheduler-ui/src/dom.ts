// A ten-line hyperscript: enough DOM building for forms and tables without a framework.
import { tr } from './i18n';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | boolean | number | EventListener | undefined>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** A table with a header row; `empty` is shown when there are no rows. */
export function table(headers: string[], rows: Child[][], empty = tr('Không có dữ liệu.', 'No data.')): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h('table', {},
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
}

export function alertBox(message: string, extra: string[] = []): HTMLElement {
  return h('div', { class: 'alert', role: 'alert' }, h('strong', {}, message),
    extra.length ? h('ul', {}, extra.map((e) => h('li', {}, e))) : null);
}

export function field(labelText: string, input: HTMLElement, name: string, hint?: string): HTMLElement {
  const id = `f-${name}`;
  input.id = id;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, labelText), input,
    hint ? h('small', {}, hint) : null,
    h('div', { class: 'field-error', 'aria-live': 'polite' }));
}

/** Removes what showFieldErrors put under a form's fields. */
export function clearFieldErrors(form: HTMLElement): void {
  form.querySelectorAll('.field-error').forEach((e) => e.replaceChildren());
  form.querySelectorAll('.field.invalid').forEach((e) => e.classList.remove('invalid'));
}

/**
 * Puts each problem+json field message under the form field `fieldOf` maps the API's field to, and returns
 * those that have no such field on this form, as "field: message", for the box above it.
 */
export function showFieldErrors(form: HTMLElement, fields: Record<string, string[]>,
                                fieldOf: (apiField: string) => string | null): string[] {
  const unplaced: string[] = [];
  for (const [name, texts] of Object.entries(fields)) {
    const at = fieldOf(name);
    const box = at ? form.querySelector<HTMLElement>(`.field[data-field="${at}"]`) : null;
    if (!box) { unplaced.push(...texts.map((t) => `${name}: ${t}`)); continue; }
    box.classList.add('invalid');
    box.querySelector('.field-error')!.append(...texts.map((t) => h('div', {}, t)));
  }
  return unplaced;
}

/** "‹ Trang trước · Trang 2/5 · 230 đơn vị · Trang sau ›"; `go` loads another page (0-based); `noun` is translated. */
export function pager(page: number, size: number, total: number, noun: string, go: (page: number) => void): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / size));
  return h('p', { class: 'pager' },
    h('button', { type: 'button', disabled: page === 0, onclick: () => go(page - 1) }, tr('‹ Trang trước', '‹ Previous page')),
    ` ${tr('Trang', 'Page')} ${page + 1}/${pages} · ${total} ${noun} `,
    h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, tr('Trang sau ›', 'Next page ›')));
}

const leaving: (() => void)[] = [];

/** Runs `fn` when the user leaves the current screen (closes live streams, timers). */
export function onLeave(fn: () => void): void {
  leaving.push(fn);
}

export function leaveScreen(): void {
  for (const fn of leaving.splice(0)) fn();
}
