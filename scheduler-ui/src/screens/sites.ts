import { get, query, type Page, type Site } from '../api';
import { h, pager, table } from '../dom';
import { KIND_VI, REGION_VI, label } from '../format';
import { guarded } from './guarded';

const SIZE = 50;

export function sitesScreen(): HTMLElement {
  const q = h('input', { type: 'search', name: 'q', placeholder: 'Tên hoặc mã, gõ có dấu hay không dấu đều được' }) as HTMLInputElement;
  const region = h('select', { name: 'region' }, h('option', { value: '' }, 'Tất cả miền'),
    Object.entries(REGION_VI).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  const kind = h('select', { name: 'kind' }, h('option', { value: '' }, 'Tất cả loại'),
    Object.entries(KIND_VI).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  const out = h('div');
  let page = 0;

  const load = () => guarded(out, async () => {
    const p = await get<Page<Site>>('/api/v1/sites' + query({ q: q.value.trim(), region: region.value, kind: kind.value, page, size: SIZE }));
    return [
      table(['Mã', 'Tên đơn vị', 'Loại', 'Miền', 'Đơn vị cha', 'Thiết bị phòng họp'],
        p.items.map((s) => [h('code', {}, s.code), s.nameVi, label(KIND_VI, s.kind), label(REGION_VI, s.region),
          s.parentCode ?? '', s.roomSystemCount]), 'Không tìm thấy đơn vị nào.'),
      pager(page, SIZE, p.total, 'đơn vị', (n) => { page = n; load(); }),
    ];
  });
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', {}, 'Tìm ', q), region, kind, h('button', { type: 'submit' }, 'Tìm kiếm'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; load(); });
  load();
  return h('section', {}, h('h1', {}, 'Đơn vị'), form, out);
}
