import { get, query, type Page, type Site } from '../api';
import { h, pager, table } from '../dom';
import { KIND_VI, REGION_VI, label } from '../format';
import { guarded } from './guarded';
import { tr } from '../i18n';

const SIZE = 50;

export function sitesScreen(): HTMLElement {
  const q = h('input', { type: 'search', name: 'q', placeholder: tr('Tên hoặc mã, gõ có dấu hay không dấu đều được', 'Name or code, with or without Vietnamese marks') }) as HTMLInputElement;
  const region = h('select', { name: 'region', 'aria-label': tr('Miền', 'Region') }, h('option', { value: '' }, tr('Tất cả miền', 'All regions')),
    Object.entries(REGION_VI).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  const kind = h('select', { name: 'kind', 'aria-label': tr('Loại đơn vị', 'Kind of site') }, h('option', { value: '' }, tr('Tất cả loại', 'All kinds')),
    Object.entries(KIND_VI).map(([v, t]) => h('option', { value: v }, t))) as HTMLSelectElement;
  const out = h('div');
  let page = 0;

  const load = () => guarded(out, async () => {
    const p = await get<Page<Site>>('/api/v1/sites' + query({ q: q.value.trim(), region: region.value, kind: kind.value, page, size: SIZE }));
    return [
      table([tr('Mã', 'Code'), tr('Tên đơn vị', 'Name'), tr('Loại', 'Kind'), tr('Miền', 'Region'), tr('Đơn vị cha', 'Parent'),
        tr('Thiết bị phòng họp', 'Room systems')],
        p.items.map((s) => [h('code', {}, s.code), s.nameVi, label(KIND_VI, s.kind), label(REGION_VI, s.region),
          s.parentCode ?? '', s.roomSystemCount]), tr('Không tìm thấy đơn vị nào.', 'No site found.')),
      pager(page, SIZE, p.total, tr('đơn vị', 'sites'), (n) => { page = n; load(); }),
    ];
  });
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', {}, `${tr('Tìm', 'Find')} `, q), region, kind, h('button', { type: 'submit' }, tr('Tìm kiếm', 'Search')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); page = 0; load(); });
  load();
  return h('section', {}, h('h1', {}, tr('Đơn vị', 'Sites')), form, out);
}
