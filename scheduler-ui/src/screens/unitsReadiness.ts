// Máy các đơn vị (operators, secretariat): each unit's last readiness check, worst first.
import { get } from '../api';
import { h, table } from '../dom';
import { formatDateTime } from '../format';
import { bandwidthText } from '../unit/readiness';
import { guarded } from './guarded';
import { tr, words } from '../i18n';

interface Readiness {
  site: string; checkedAt: string; checkedBy: string; camera: boolean; microphone: boolean;
  downloadKbps: number | null; meetReachable: boolean | null; verdict: string;
}
const VERDICT_VI: Record<string, string> = words({
  OK: ['Sẵn sàng', 'Ready'], WARN: ['Cần lưu ý', 'Needs attention'], BAD: ['Chưa sẵn sàng', 'Not ready'], UNKNOWN: ['Chưa xong', 'Unfinished'],
});
const ORDER = ['BAD', 'UNKNOWN', 'WARN', 'OK'];
const yes = (v: boolean | null) => (v === null ? '?' : v ? tr('Tốt', 'Good') : tr('Lỗi', 'Failed'));

export function unitsReadinessScreen(): HTMLElement {
  const out = h('div');
  void guarded(out, async () => {
    const rows = (await get<Readiness[]>('/api/v1/browser-readiness'))
      .sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
    return table([tr('Đơn vị', 'Site'), tr('Kết quả', 'Result'), 'Camera', tr('Micro', 'Microphone'), tr('Mạng', 'Network'),
      tr('Máy chủ họp', 'Meeting server'), tr('Lúc', 'At'), tr('Người kiểm tra', 'Checked by')],
      rows.map((r) => [h('code', {}, r.site), h('strong', { class: `v-${r.verdict}` }, VERDICT_VI[r.verdict] ?? r.verdict),
        yes(r.camera), yes(r.microphone), bandwidthText(r.downloadKbps).split(':')[0], yes(r.meetReachable),
        formatDateTime(r.checkedAt), r.checkedBy]), tr('Chưa đơn vị nào kiểm tra máy.', 'No site has checked its PC yet.'));
  });
  return h('section', {}, h('h1', { tabindex: '-1' }, tr('Máy các đơn vị đã sẵn sàng chưa', 'Are the units’ PCs ready')), out);
}
