// Kiểm tra máy trước khi họp: camera, micro, measured download speed (a test file from the orchestrator) and whether
// the meeting server answers; the result is sent to the orchestrator, so operators see which units are ready.
import { call, get } from '../api';
import { h } from '../dom';
import { session } from '../session';
import {
  bandwidthText, bandwidthVerdict, deviceText, kbps, overall, type ReadinessResult, type Verdict,
} from '../unit/readiness';
import { tr } from '../i18n';

const PROBE_KB = 2048;

async function device(kind: 'camera' | 'microphone', preview: HTMLVideoElement): Promise<[Verdict, string]> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(kind === 'camera' ? { video: true } : { audio: true });
    if (kind === 'camera') { preview.srcObject = stream; void preview.play().catch(() => {}); } else {
      stream.getTracks().forEach((t) => t.stop());
    }
    return ['ok', deviceText(kind, null)];
  } catch (e) {
    return ['bad', deviceText(kind, e instanceof DOMException ? e.name : 'NotFoundError')];
  }
}

async function bandwidth(): Promise<number | null> {
  const t0 = performance.now();
  const r = await fetch(`/api/v1/readiness/probe?kb=${PROBE_KB}&n=${Date.now()}`, { cache: 'no-store', credentials: 'same-origin' });
  if (!r.ok) return null;
  const bytes = (await r.arrayBuffer()).byteLength;
  return kbps(bytes, performance.now() - t0);
}

async function meetReachable(): Promise<boolean> {
  const { url } = await get<{ url: string }>('/api/v1/readiness/meet');
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 5000);
  try {
    // An opaque answer is enough: the name resolved, the TLS handshake worked and the server replied.
    await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: ctl.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function readinessScreen(): HTMLElement {
  const preview = h('video', { muted: true, playsinline: true, width: 320, height: 180, 'aria-label': tr('Hình từ camera', 'Camera picture') }) as HTMLVideoElement;
  const rows = { camera: h('li'), microphone: h('li'), bandwidth: h('li'), meet: h('li') };
  const verdict = h('p', { class: 'verdict', role: 'status', 'aria-live': 'polite' });
  const sent = h('p', { class: 'muted', 'aria-live': 'polite' });
  const set = (li: HTMLElement, v: Verdict, text: string) => { li.className = `tone-${v === 'unknown' ? 'warn' : v}`; li.textContent = text; };
  const start = h('button', { type: 'button', class: 'big' }, tr('Bắt đầu kiểm tra', 'Start the check')) as HTMLButtonElement;

  start.addEventListener('click', async () => {
    start.disabled = true;
    Object.values(rows).forEach((li) => set(li, 'unknown', tr('Đang kiểm tra…', 'Checking…')));
    const result: ReadinessResult = { camera: 'unknown', microphone: 'unknown', downloadKbps: null, meetReachable: null };
    [result.camera] = await device('camera', preview).then(([v, t]) => { set(rows.camera, v, t); return [v]; });
    [result.microphone] = await device('microphone', preview).then(([v, t]) => { set(rows.microphone, v, t); return [v]; });
    result.downloadKbps = await bandwidth().catch(() => null);
    set(rows.bandwidth, bandwidthVerdict(result.downloadKbps), bandwidthText(result.downloadKbps));
    result.meetReachable = await meetReachable().catch(() => false);
    set(rows.meet, result.meetReachable ? 'ok' : 'bad', result.meetReachable ? tr('Máy chủ họp trực tuyến: kết nối được.', 'Meeting server: reachable.')
      : tr('Máy chủ họp trực tuyến: không kết nối được. Báo bộ phận kỹ thuật kiểm tra tường lửa.',
        'Meeting server: not reachable. Ask the technical staff to check the firewall.'));
    const o = overall(result);
    verdict.className = `verdict tone-${o.verdict}`;
    verdict.textContent = o.text;
    const me = await session().catch(() => null);
    if (me?.siteCode) {
      try {
        await call('POST', `/api/v1/sites/${encodeURIComponent(me.siteCode)}/browser-readiness`, {
          camera: result.camera === 'ok', microphone: result.microphone === 'ok',
          downloadKbps: result.downloadKbps, meetReachable: result.meetReachable, verdict: o.verdict.toUpperCase(),
          userAgent: navigator.userAgent,
        });
        sent.textContent = tr(`Đã gửi kết quả cho bộ phận vận hành (đơn vị ${me.siteCode}).`,
          `The result was sent to the operators (site ${me.siteCode}).`);
      } catch (e) {
        sent.textContent = `${tr('Chưa gửi được kết quả', 'The result was not sent')}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    start.disabled = false;
    start.textContent = tr('Kiểm tra lại', 'Check again');
  });
  return h('section', {}, h('h1', { tabindex: '-1' }, tr('Kiểm tra máy trước khi họp', 'Check this PC before the meeting')),
    h('p', {}, tr('Bấm nút dưới đây. Trình duyệt sẽ hỏi quyền dùng camera và micro: hãy chọn "Cho phép".',
      'Press the button below. The browser asks to use the camera and microphone: choose "Allow".')),
    start, verdict, h('div', { class: 'row' }, h('ul', { class: 'checklist' }, Object.values(rows)), preview), sent,
    h('p', {}, h('a', { href: '#/unit' }, tr('‹ Về trang đơn vị', '‹ Back to my unit'))));
}
