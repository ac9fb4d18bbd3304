import { describe, expect, it } from 'vitest';
import { dayTitle, groupByDay, monthGrid, shiftMonths, step, vnDay, weekDays } from './grid';

describe('the calendar grid', () => {
  it('starts weeks on Monday', () => {
    expect(weekDays('2026-12-03')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03',
      '2026-12-04', '2026-12-05', '2026-12-06']);
  });

  it('covers a month with whole weeks', () => {
    const g = monthGrid('2026-12-15');
    expect(g[0]).toBe('2026-11-30');
    expect(g.at(-1)).toBe('2027-01-03');
    expect(g.length % 7).toBe(0);
  });

  it('moves by a month without skipping a short one', () => {
    expect(shiftMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(step('month', '2026-12-15', -1)).toBe('2026-11-15');
    expect(step('week', '2026-12-31', 1)).toBe('2027-01-07');
  });

  it('puts a meeting on its Vietnamese day, whatever the PC zone', () => {
    expect(vnDay('2026-12-01T18:30:00Z')).toBe('2026-12-02');
    const g = groupByDay([{ start: '2026-12-01T03:00:00Z', t: 'b' }, { start: '2026-12-01T01:00:00Z', t: 'a' }]);
    expect(g.get('2026-12-01')?.map((m) => m.t)).toEqual(['a', 'b']);
  });

  it('names days in Vietnamese', () => {
    expect(dayTitle('2026-12-07')).toBe('Thứ Hai 07/12');
  });
});
