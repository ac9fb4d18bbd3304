// Picks invited sites from the directory tree: diacritic-free search (the server ignores marks), or browse a unit's
// subordinates; each pick adds codes to the invitation list. The list is a tree for the keyboard too: ↓ from the
// search box enters it, ↑/↓/Home/End move, Enter invites, → opens a unit's subordinates, ← (or Backspace) goes back.
import { get, query, type Page, type Site } from '../api';
import { h } from '../dom';
import { KIND_VI, label } from '../format';
import { tr } from '../i18n';
import { treeKeys } from './treeKeys';

export function sitePicker(add: (codes: string[]) => void): HTMLElement {
  const q = h('input', { type: 'search', name: 'pick', id: 'f-pick', autocomplete: 'off', 'aria-describedby': 'pick-keys',
    placeholder: tr('VD: dak lak, ha noi, STP-HNI', 'e.g. dak lak, ha noi, STP-HNI') }) as HTMLInputElement;
  const crumb = h('p', { class: 'muted', 'aria-live': 'polite' });
  const list = h('ul', { class: 'picks', role: 'tree', 'aria-label': tr('Cây đơn vị', 'Site tree') });
  let parent: string | null = null;
  let focusFirst = false;

  const open = (code: string | null) => { parent = code; focusFirst = true; void load(); };
  const load = async () => {
    const p = await get<Page<Site>>('/api/v1/sites' + query({ q: parent ? undefined : q.value.trim(),
      parent: parent ?? undefined, size: 30 }));
    crumb.replaceChildren(parent ? h('span', {}, `${tr('Đơn vị trực thuộc', 'Subordinates of')} ${parent} (${p.total}) `,
      h('button', { type: 'button', class: 'secondary', onclick: () => { open(null); q.focus(); } },
        tr('‹ Quay lại tìm kiếm', '‹ Back to the search')),
      ' ', h('button', { type: 'button', onclick: () => add(p.items.map((s) => s.code)) },
        tr(`Mời cả ${p.items.length} đơn vị này`, `Invite these ${p.items.length} sites`)))
      : tr(`${p.total} kết quả`, `${p.total} results`));
    // Each row is one tree item reached by the arrows; its buttons are for the mouse (Enter and → do the same).
    list.replaceChildren(...p.items.map((s, i) => h('li', { role: 'treeitem', tabindex: i === 0 ? '0' : '-1',
      'aria-level': parent ? '2' : '1', 'aria-expanded': 'false', 'data-code': s.code,
      'aria-label': `${s.nameVi} ${s.code} · ${label(KIND_VI, s.kind)}` },
    h('button', { type: 'button', class: 'secondary', tabindex: '-1', 'aria-label': `${tr('Mời', 'Invite')} ${s.nameVi}`,
      onclick: () => add([s.code]) }, tr('+ Mời', '+ Invite')),
    ' ', h('span', {}, `${s.nameVi} `, h('code', {}, s.code), h('small', { class: 'muted' }, ` · ${label(KIND_VI, s.kind)}`)),
    ' ', h('button', { type: 'button', class: 'link', tabindex: '-1', onclick: () => open(s.code) },
      tr('Xem đơn vị trực thuộc ›', 'Subordinates ›')))));
    if (focusFirst) list.querySelector<HTMLElement>('[role=treeitem]')?.focus();
    focusFirst = false;
  };
  treeKeys(list, {
    enter: (code) => add([code]),
    open: (code) => open(code),
    back: () => { if (parent) open(null); else q.focus(); },
    leaveTop: () => q.focus(),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { parent = null; void load(); }, 300); });
  q.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); parent = null; void load(); }
    if (e.key === 'ArrowDown') { e.preventDefault(); list.querySelector<HTMLElement>('[role=treeitem][tabindex="0"]')?.focus(); }
  });
  return h('div', { class: 'picker' },
    h('label', { for: 'f-pick' }, tr('Tìm đơn vị để mời (gõ không dấu cũng được)', 'Find sites to invite (marks optional)')),
    h('small', { id: 'pick-keys' }, tr('Phím: ↓ vào danh sách, ↑↓ chọn, Enter mời, → xem đơn vị trực thuộc, ← quay lại.',
      'Keys: ↓ into the list, ↑↓ move, Enter invites, → subordinates, ← back.')),
    q, crumb, list);
}
