// Pure formatting: every time shown to a user is Vietnamese wall-clock time, whatever the PC's own zone is.
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

export const STATUS_VI: Record<string, string> = {
  BOOKED: 'Đã đặt', PREPARING: 'Đang chuẩn bị', READY: 'Sẵn sàng', LIVE: 'Đang họp',
  ENDED: 'Đã kết thúc', FAILED: 'Lỗi', CANCELLED: 'Đã huỷ',
};

export const REGION_VI: Record<string, string> = { NORTH: 'Miền Bắc', CENTRAL: 'Miền Trung', SOUTH: 'Miền Nam' };

export const KIND_VI: Record<string, string> = {
  HQ: 'Bộ Tư pháp', DEPARTMENT: 'Đơn vị thuộc Bộ', PROVINCE_JUSTICE: 'Sở Tư pháp',
  PROVINCE_THADS: 'Cục THADS tỉnh', REGIONAL_THADS: 'THADS khu vực', COMMUNE: 'Xã/phường',
};

export const ATTENDANCE_VI: Record<string, string> = {
  PRESENT: 'Có mặt', LATE: 'Đến muộn', LEFT: 'Đã rời', MISSING: 'Vắng',
};

/** A label from one of the tables above, falling back to the raw code so nothing unknown is hidden. */
export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '';
  return table[code] ?? code;
}

/** 1234567 → "1.234.567" (Vietnamese grouping). */
export function formatNumber(n: number | null | undefined): string {
  return n == null ? '' : new Intl.NumberFormat('vi-VN').format(n);
}

/** An instant as the Vietnamese calendar day and clock time date/time inputs hold ("2026-12-01", "08:00"). */
export function vietnamDateAndTime(iso: string): { date: string; time: string } {
  const p = pick(new Date(iso));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
