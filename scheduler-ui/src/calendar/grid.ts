// Calendar arithmetic on Vietnamese calendar days ("YYYY-MM-DD" strings), independent of the PC's zone. Pure.
import { formatDateTime } from '../format';
import { tr } from '../i18n';

export type View = 'day' | 'week' | 'month';

const toUtc = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

export function shiftDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** 0 = Monday … 6 = Sunday (Vietnamese weeks start on Monday). */
export function weekday(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7;
}

export function weekDays(date: string): string[] {
  const monday = shiftDays(date, -weekday(date));
  return Array.from({ length: 7 }, (_, i) => shiftDays(monday, i));
}

/** Whole weeks covering the month of `date`, Monday first. */
export function monthGrid(date: string): string[] {
  const first = `${date.slice(0, 8)}01`;
  const start = shiftDays(first, -weekday(first));
  const nextMonth = shiftMonths(first, 1);
  const days: string[] = [];
  for (let d = start; d < nextMonth || weekday(d) !== 0; d = shiftDays(d, 1)) days.push(d);
  return days;
}

export function shiftMonths(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const t = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  const day = Math.min(+date.slice(8, 10), last);
  return fromUtc(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), day));
}

/** The days a view shows; the query asks from the first day's start to the day after the last. */
export function viewDays(view: View, date: string): string[] {
  return view === 'day' ? [date] : view === 'week' ? weekDays(date) : monthGrid(date);
}

export function step(view: View, date: string, dir: 1 | -1): string {
  return view === 'day' ? shiftDays(date, dir) : view === 'week' ? shiftDays(date, 7 * dir) : shiftMonths(date, dir);
}

/** The Vietnamese calendar day an instant falls on. */
export function vnDay(iso: string): string {
  const s = formatDateTime(iso); // dd/MM/yyyy HH:mm in Vietnam
  return `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
}

export function groupByDay<T extends { start: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const m of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = vnDay(m.start);
    out.set(day, [...(out.get(day) ?? []), m]);
  }
  return out;
}

const WEEKDAY_VI = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'];
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Thứ Hai 07/12" ("Monday 07/12"; day first in both languages, as the rest of the UI writes dates). */
export function dayTitle(date: string): string {
  const i = weekday(date);
  return `${tr(WEEKDAY_VI[i], WEEKDAY_EN[i])} ${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** The month grid's column heads, Monday first. */
export function weekdaysShort(): string[] {
  return tr('T2 T3 T4 T5 T6 T7 CN', 'Mon Tue Wed Thu Fri Sat Sun').split(' ');
}
