// The readiness check's arithmetic and verdicts, in plain Vietnamese (or English). Pure.
import { tr } from '../i18n';

export type Verdict = 'ok' | 'warn' | 'bad' | 'unknown';

export interface ReadinessResult {
  camera: Verdict; microphone: Verdict; downloadKbps: number | null; meetReachable: boolean | null;
}

/** Kilobits per second from bytes received in milliseconds (0 ms counts as 1 ms). */
export function kbps(bytes: number, ms: number): number {
  return Math.round((bytes * 8) / Math.max(1, ms));
}

/** A meeting seen in 720p needs about 2.5 Mbit/s down; 360p about 1 Mbit/s; below that only audio is reliable. */
export function bandwidthVerdict(downloadKbps: number | null): Verdict {
  if (downloadKbps === null) return 'unknown';
  return downloadKbps >= 2500 ? 'ok' : downloadKbps >= 1000 ? 'warn' : 'bad';
}

export function bandwidthText(downloadKbps: number | null): string {
  if (downloadKbps === null) return tr('Chưa đo được tốc độ mạng.', 'The network speed could not be measured.');
  const mbps = (downloadKbps / 1000).toFixed(1);
  const v = bandwidthVerdict(downloadKbps);
  return tr(`Tốc độ tải về ${mbps.replace('.', ',')} Mbit/s: `, `Download speed ${mbps} Mbit/s: `) + (v === 'ok'
    ? tr('đủ để xem hình rõ nét.', 'enough for a sharp picture.')
    : v === 'warn' ? tr('xem được, hình có thể kém nét.', 'watchable, the picture may be blurred.')
      : tr('quá chậm, hình có thể bị đứng; hãy báo bộ phận kỹ thuật.', 'too slow, the picture may freeze; tell the technical staff.'));
}

/** getUserMedia's refusal, in words a unit clerk can act on. */
export function deviceText(kind: 'camera' | 'microphone', errorName: string | null): string {
  const what = kind === 'camera' ? 'Camera' : tr('Micro', 'Microphone');
  if (errorName === null) return `${what}: ${tr('hoạt động tốt.', 'works.')}`;
  switch (errorName) {
    case 'NotAllowedError': return `${what}: ${tr('trình duyệt chưa được phép dùng. Bấm vào biểu tượng ổ khoá cạnh địa chỉ trang và chọn "Cho phép".',
      'the browser may not use it yet. Click the padlock beside the page address and choose "Allow".')}`;
    case 'NotFoundError': return `${what}: ${tr('không tìm thấy thiết bị. Kiểm tra dây cắm.', 'no device found. Check the cable.')}`;
    case 'NotReadableError': return `${what}: ${tr('đang bị chương trình khác dùng. Tắt Zoom/Teams rồi thử lại.',
      'another program is using it. Close Zoom/Teams and try again.')}`;
    default: return `${what}: ${tr('không dùng được', 'not usable')} (${errorName}).`;
  }
}

/** The one sentence on top: ready, ready with reservations, or not ready. */
export function overall(r: ReadinessResult): { verdict: Verdict; text: string } {
  const all = [r.camera, r.microphone, bandwidthVerdict(r.downloadKbps), r.meetReachable === null ? 'unknown'
    : r.meetReachable ? 'ok' : 'bad'] as Verdict[];
  if (all.includes('bad')) {
    return { verdict: 'bad', text: tr('Máy chưa sẵn sàng để họp: xem các mục màu đỏ bên dưới.', 'This PC is not ready: see the red items below.') };
  }
  if (all.includes('unknown')) return { verdict: 'unknown', text: tr('Chưa kiểm tra xong.', 'The check is not finished.') };
  if (all.includes('warn')) return { verdict: 'warn', text: tr('Máy họp được, nhưng có mục cần lưu ý.', 'This PC can join, but some items need attention.') };
  return { verdict: 'ok', text: tr('Máy đã sẵn sàng để họp.', 'This PC is ready for the meeting.') };
}
