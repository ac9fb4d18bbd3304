// The readiness check's arithmetic and verdicts, in plain Vietnamese. Pure.

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
  if (downloadKbps === null) return 'Chưa đo được tốc độ mạng.';
  const mbps = (downloadKbps / 1000).toFixed(1).replace('.', ',');
  const v = bandwidthVerdict(downloadKbps);
  return `Tốc độ tải về ${mbps} Mbit/s: ` + (v === 'ok' ? 'đủ để xem hình rõ nét.'
    : v === 'warn' ? 'xem được, hình có thể kém nét.' : 'quá chậm, hình có thể bị đứng; hãy báo bộ phận kỹ thuật.');
}

/** getUserMedia's refusal, in words a unit clerk can act on. */
export function deviceText(kind: 'camera' | 'microphone', errorName: string | null): string {
  const what = kind === 'camera' ? 'Camera' : 'Micro';
  if (errorName === null) return `${what}: hoạt động tốt.`;
  switch (errorName) {
    case 'NotAllowedError': return `${what}: trình duyệt chưa được phép dùng. Bấm vào biểu tượng ổ khoá cạnh địa chỉ trang và chọn "Cho phép".`;
    case 'NotFoundError': return `${what}: không tìm thấy thiết bị. Kiểm tra dây cắm.`;
    case 'NotReadableError': return `${what}: đang bị chương trình khác dùng. Tắt Zoom/Teams rồi thử lại.`;
    default: return `${what}: không dùng được (${errorName}).`;
  }
}

/** The one sentence on top: ready, ready with reservations, or not ready. */
export function overall(r: ReadinessResult): { verdict: Verdict; text: string } {
  const all = [r.camera, r.microphone, bandwidthVerdict(r.downloadKbps), r.meetReachable === null ? 'unknown'
    : r.meetReachable ? 'ok' : 'bad'] as Verdict[];
  if (all.includes('bad')) return { verdict: 'bad', text: 'Máy chưa sẵn sàng để họp: xem các mục màu đỏ bên dưới.' };
  if (all.includes('unknown')) return { verdict: 'unknown', text: 'Chưa kiểm tra xong.' };
  if (all.includes('warn')) return { verdict: 'warn', text: 'Máy họp được, nhưng có mục cần lưu ý.' };
  return { verdict: 'ok', text: 'Máy đã sẵn sàng để họp.' };
}
