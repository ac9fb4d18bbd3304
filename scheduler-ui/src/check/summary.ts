// The dry-run answer (POST /api/v1/meetings/check) turned into the lines the booking form shows. Pure.
import { formatDateTime, formatTime, REGION_VI, label } from '../format';
import { lang, tr } from '../i18n';

export interface FieldError { field: string; reason: string; messageVi: string; messageEn: string }
export interface RegionCheck {
  region: string; from: string; to: string; fits: boolean; bridgesShort: number;
  messageVi: string; messageEn: string; shortfalls: FieldError[];
}
export interface OccurrenceCheck { start: string; end: string; bookable: boolean; clashes: FieldError[]; regions: RegionCheck[] }
export interface CheckResult { bookable: boolean; sites: number; occurrences: OccurrenceCheck[] }

export type Tone = 'ok' | 'warn' | 'bad';
export interface Line { tone: Tone; text: string }

/** "Thiếu 2 cầu truyền hình ở Miền Bắc 07:45–10:15" or "Miền Bắc: đủ"; other shortfalls keep the server's words. */
export function regionLine(r: RegionCheck): Line {
  const name = label(REGION_VI, r.region);
  const span = `${formatTime(r.from)}–${formatTime(r.to)}`;
  if (r.fits) return { tone: 'ok', text: `${name}: ${tr('đủ năng lực', 'enough capacity')} (${span})` };
  if (r.bridgesShort > 0) {
    return { tone: 'bad', text: tr(`Thiếu ${r.bridgesShort} cầu truyền hình ở ${name} ${span}`,
      `${r.bridgesShort} video bridges short in ${name} ${span}`) };
  }
  const first = r.shortfalls[0] ?? r;
  return { tone: 'bad', text: lang() === 'en' ? first.messageEn : first.messageVi };
}

/**
 * Everything worth saying, worst first, at most `max` lines: clashes of each occurrence, then regions that do not
 * fit, then (only when all is well) the regions that fit. A series names the day of each troubled occurrence.
 */
export function summarize(result: CheckResult, max = 8): { headline: Line; lines: Line[] } {
  const series = result.occurrences.length > 1;
  const bad: Line[] = [];
  const good: Line[] = [];
  for (const o of result.occurrences) {
    const day = series ? `${formatDateTime(o.start).slice(0, 10)}: ` : '';
    for (const c of o.clashes) bad.push({ tone: 'bad', text: day + plainClash(lang() === 'en' ? c.messageEn : c.messageVi) });
    for (const r of o.regions) {
      const line = regionLine(r);
      if (line.tone === 'ok') { if (good.length < result.occurrences[0].regions.length) good.push(line); } else {
        bad.push({ ...line, text: day + line.text });
      }
    }
  }
  const lines = (bad.length ? bad : good).slice(0, max);
  if (bad.length > max) lines.push({ tone: 'warn', text: tr(`… và ${bad.length - max} vấn đề khác`, `… and ${bad.length - max} more problems`) });
  const headline: Line = result.bookable
    ? { tone: 'ok', text: tr(`Đặt được: ${result.sites} điểm cầu, không trùng lịch, đủ năng lực.`,
      `Can be booked: ${result.sites} sites, no clash, enough capacity.`) }
    : { tone: 'bad', text: tr(`Chưa đặt được: ${bad.length} vấn đề cần xử lý trước khi lưu.`,
      `Cannot be booked yet: ${bad.length} problems to solve before saving.`) };
  return { headline, lines };
}

/** The server names the other meeting as "STP-HNI#11": say "STP-HNI (cuộc họp số 11)" instead. */
export function plainClash(text: string): string {
  return text.replace(/#(\d+)/g, tr(' (cuộc họp số $1)', ' (meeting $1)')).replace(/#\?/g, '');
}

/** Calls `fn` once `ms` after the last call; a newer call supersedes an older one. */
export function debounce<A extends unknown[]>(fn: (...a: A) => void, ms: number): (...a: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...a: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...a), ms);
  };
}
