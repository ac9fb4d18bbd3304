// Máy các đơn vị (operators, secretariat): each unit's last readiness check, worst first.
import { get } from '../api';
import { h, table } from '../dom';
import { formatDateTime } from '../format';
import { bandwidthText } from '../unit/readiness';
import { guarded } from './guarded';

interface Readiness {
  site: string; checkedAt: string; checkedBy: string; camera: boolean; microphone: boolean;
  downloadKbps: number | null; meetReachable: boolean | null; verdict: string;
}
const VERDICT_VI: Record<string, string> = { OK: 'Sẵn sàng', WARN: 'Cần lưu ý', BAD: 'Chưa sẵn sàng', UNKNOWN: 'Chưa xong' };
const ORDER = ['BAD', 'UNKNOWN', 'WARN', 'OK'];
const yes = (v: boolean | null) => (v === null ? '?' : v ? 'Tốt' : 'Lỗi');

export function unitsReadinessScreen(): HTMLElement {
  const out = h('div');
  void guarded(out, async () => {
    const rows = (await get<Readiness[]>('/api/v1/browser-readiness'))
      .sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
    return table(['Đơn vị', 'Kết quả', 'Camera', 'Micro', 'Mạng', 'Máy chủ họp', 'Lúc', 'Người kiểm tra'],
      rows.map((r) => [h('code', {}, r.site), h('strong', { class: `v-${r.verdict}` }, VERDICT_VI[r.verdict] ?? r.verdict),
        yes(r.camera), yes(r.microphone), bandwidthText(r.downloadKbps).split(':')[0], yes(r.meetReachable),
        formatDateTime(r.checkedAt), r.checkedBy]), 'Chưa đơn vị nào kiểm tra máy.');
  });
  return h('section', {}, h('h1', { tabindex: '-1' }, 'Máy các đơn vị đã sẵn sàng chưa'), out);
}
