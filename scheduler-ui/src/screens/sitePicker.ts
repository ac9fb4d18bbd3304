// Picks invited sites from the directory tree: diacritic-free search (the server ignores marks), or browse a unit's
// subordinates; each pick adds codes to the invitation list.
import { get, query, type Page, type Site } from '../api';
import { h } from '../dom';
import { KIND_VI, label } from '../format';

export function sitePicker(add: (codes: string[]) => void): HTMLElement {
  const q = h('input', { type: 'search', name: 'pick', id: 'f-pick', autocomplete: 'off',
    placeholder: 'VD: dak lak, ha noi, STP-HNI' }) as HTMLInputElement;
  const crumb = h('p', { class: 'muted' });
  const list = h('ul', { class: 'picks' });
  let parent: string | null = null;

  const load = async () => {
    const p = await get<Page<Site>>('/api/v1/sites' + query({ q: parent ? undefined : q.value.trim(),
      parent: parent ?? undefined, size: 30 }));
    crumb.replaceChildren(parent ? h('span', {}, `Đơn vị trực thuộc ${parent} (${p.total}) `,
      h('button', { type: 'button', class: 'secondary', onclick: () => { parent = null; void load(); } }, '‹ Quay lại tìm kiếm'),
      ' ', h('button', { type: 'button', onclick: () => add(p.items.map((s) => s.code)) }, `Mời cả ${p.items.length} đơn vị này`))
      : `${p.total} kết quả`);
    list.replaceChildren(...p.items.map((s) => h('li', {},
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Mời ${s.nameVi}`, onclick: () => add([s.code]) }, '+ Mời'),
      ' ', h('span', {}, `${s.nameVi} `, h('code', {}, s.code), h('small', { class: 'muted' }, ` · ${label(KIND_VI, s.kind)}`)),
      ' ', h('button', { type: 'button', class: 'link', onclick: () => { parent = s.code; void load(); } }, 'Xem đơn vị trực thuộc ›'))));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { parent = null; void load(); }, 300); });
  q.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); parent = null; void load(); } });
  return h('div', { class: 'picker' }, h('label', { for: 'f-pick' }, 'Tìm đơn vị để mời (gõ không dấu cũng được)'), q, crumb, list);
}
