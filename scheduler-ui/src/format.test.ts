import { describe, expect, it } from 'vitest';
import { STATUS_VI, dayStart, formatDateTime, formatNumber, formatTime, isoDateInVietnam, label } from './format';

describe('Vietnamese time', () => {
  it('shows UTC instants as Hanoi wall-clock time', () => {
    expect(formatDateTime('2026-12-01T01:00:00Z')).toBe('01/12/2026 08:00');
    expect(formatTime('2026-12-01T01:00:00Z')).toBe('08:00');
  });
  it('keeps the offset the server sent meaningful, crossing midnight', () => {
    expect(formatDateTime('2026-12-31T23:30:00+07:00')).toBe('31/12/2026 23:30');
    expect(formatDateTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
  });
  it('leaves missing or unreadable values visible rather than inventing a date', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('soon')).toBe('soon');
  });
  it('gives the Vietnamese calendar day, which may differ from UTC', () => {
    expect(isoDateInVietnam(new Date('2026-11-25T18:00:00Z'))).toBe('2026-11-26');
    expect(isoDateInVietnam(new Date('2026-11-25T08:00:00Z'), 3)).toBe('2026-11-28');
    expect(dayStart('2026-12-01')).toBe('2026-12-01T00:00+07:00');
  });
});

describe('labels', () => {
  it('names every status in Vietnamese', () => {
    expect(Object.keys(STATUS_VI).sort()).toEqual(
      ['BOOKED', 'CANCELLED', 'ENDED', 'FAILED', 'LIVE', 'PREPARING', 'READY']);
    expect(label(STATUS_VI, 'CANCELLED')).toBe('Đã huỷ');
    expect(label(STATUS_VI, 'LIVE')).toBe('Đang họp');
  });
  it('shows an unknown code as it is', () => {
    expect(label(STATUS_VI, 'ARCHIVED')).toBe('ARCHIVED');
  });
  it('groups numbers the Vietnamese way', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(null)).toBe('');
  });
});
