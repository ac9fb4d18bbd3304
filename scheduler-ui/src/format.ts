// Pure formatting: every time shown to a user is Vietnamese wall-clock time, whatever the PC's own zone is.
import { tr, words } from './i18n';

export const ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function pick(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** "01/12/2026 08:00" in Vietnamese time; "" for a missing value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = pick(d);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "08:00" in Vietnamese time. */
export function formatTime(iso: string | null | undefined): string {
  return formatDateTime(iso).slice(11);
}

/** Today's date in Vietnam as "YYYY-MM-DD" (for date inputs), optionally shifted by whole days. */
export function isoDateInVietnam(now: Date, plusDays = 0): string {
  const p = pick(new Date(now.getTime() + plusDays * 86_400_000));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The start of a Vietnamese calendar day as an offset date-time the API accepts ("2026-12-01T00:00+07:00"). */
export function dayStart(date: string): string {
  return `${date}T00:00+07:00`;
}

// The code tables keep their *_VI names (many screens import them); they answer in the chosen language.
export const STATUS_VI: Record<string, string> = words({
  BOOKED: ['Đã đặt', 'Booked'], PREPARING: ['Đang chuẩn bị', 'Preparing'], READY: ['Sẵn sàng', 'Ready'],
  LIVE: ['Đang họp', 'In progress'], ENDED: ['Đã kết thúc', 'Ended'], FAILED: ['Lỗi', 'Failed'], CANCELLED: ['Đã huỷ', 'Cancelled'],
});

export const REGION_VI: Record<string, string> = words({
  NORTH: ['Miền Bắc', 'North'], CENTRAL: ['Miền Trung', 'Central'], SOUTH: ['Miền Nam', 'South'],
});

export const KIND_VI: Record<string, string> = words({
  HQ: ['Bộ Tư pháp', 'Ministry of Justice'], DEPARTMENT: ['Đơn vị thuộc Bộ', 'Ministry department'],
  PROVINCE_JUSTICE: ['Sở Tư pháp', 'Provincial justice department'], PROVINCE_THADS: ['Cục THADS tỉnh', 'Provincial enforcement office'],
  REGIONAL_THADS: ['THADS khu vực', 'Regional enforcement office'], COMMUNE: ['Xã/phường', 'Commune/ward'],
});

export const ATTENDANCE_VI: Record<string, string> = words({
  PRESENT: ['Có mặt', 'Present'], LATE: ['Đến muộn', 'Late'], LEFT: ['Đã rời', 'Left'], MISSING: ['Vắng', 'Absent'],
});

export const PARTICIPATION: Record<string, string> = words({ INTERACTIVE: ['Tương tác', 'Interactive'], VIEWER: ['Theo dõi', 'Viewer'] });
export const WAY_IN: Record<string, string> = words({
  BROWSER: ['Trình duyệt', 'Browser'], ROOM_SYSTEM: ['Thiết bị phòng họp (SIP/H.323)', 'Room system (SIP/H.323)'], AUDIO: ['Âm thanh', 'Audio'],
});

/** A label from one of the tables above, falling back to the raw code so nothing unknown is hidden. */
export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return table[code] ?? code;
}

/** 1234567 → "1.234.567" (Vietnamese grouping), "1,234,567" in English. */
export function formatNumber(n: number | null | undefined): string {
  return n == null ? '' : new Intl.NumberFormat(tr('vi-VN', 'en-GB')).format(n);
}

/** An instant as the Vietnamese calendar day and clock time date/time inputs hold ("2026-12-01", "08:00"). */
export function vietnamDateAndTime(iso: string): { date: string; time: string } {
  const p = pick(new Date(iso));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
