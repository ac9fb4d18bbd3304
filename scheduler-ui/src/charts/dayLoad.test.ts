import { describe, expect, it } from 'vitest';
import { daySlots, reservedByRegion } from './dayLoad';

describe('the capacity chart over the day', () => {
  it('has 96 quarter hours starting at midnight in Vietnam', () => {
    const s = daySlots('2026-12-07');
    expect(s).toHaveLength(96);
    expect(new Date(s[0] * 1000).toISOString()).toBe('2026-12-06T17:00:00.000Z');
  });

  it('adds up overlapping holds per region and leaves the others at zero', () => {
    const slots = daySlots('2026-12-07');
    const r = reservedByRegion(slots, [
      { region: 'NORTH', from: '2026-12-07T07:45:00+07:00', to: '2026-12-07T10:15:00+07:00', bridgePps: 1000 },
      { region: 'NORTH', from: '2026-12-07T09:45:00+07:00', to: '2026-12-07T11:15:00+07:00', bridgePps: 500 },
    ], ['NORTH', 'SOUTH']);
    expect(r.NORTH[31]).toBe(1000); // 07:45
    expect(r.NORTH[39]).toBe(1500); // 09:45
    expect(r.NORTH[44]).toBe(500); // 11:00
    expect(r.NORTH[45]).toBe(0); // 11:15: ended
    expect(r.SOUTH.every((v) => v === 0)).toBe(true);
  });
});
