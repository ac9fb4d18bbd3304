import { describe, expect, it, vi } from 'vitest';
import { debounce, plainClash, regionLine, summarize, type CheckResult } from './summary';

const region = (r: string, fits: boolean, bridgesShort = 0) => ({
  region: r, from: '2026-12-01T00:45:00Z', to: '2026-12-01T03:15:00Z', fits, bridgesShort,
  messageVi: fits ? 'Đủ' : 'Không đủ năng lực', messageEn: '', shortfalls: fits ? [] : [
    { field: 'capacity.' + r, reason: 'short-video-gateways', messageVi: 'thiếu 2 cổng SIP video', messageEn: '' }],
});

describe('the live booking feedback', () => {
  it('names whole bridges short in a region with its Vietnamese window', () => {
    expect(regionLine(region('NORTH', false, 2))).toEqual(
      { tone: 'bad', text: 'Thiếu 2 cầu truyền hình ở Miền Bắc 07:45–10:15' });
  });

  it('keeps the server words for other shortfalls', () => {
    expect(regionLine(region('SOUTH', false)).text).toBe('thiếu 2 cổng SIP video');
  });

  it('puts clashes first and says the booking cannot be saved yet', () => {
    const r: CheckResult = { bookable: false, sites: 40, occurrences: [{ start: '2026-12-01T01:00:00Z',
      end: '2026-12-01T03:00:00Z', bookable: false, regions: [region('NORTH', true), region('SOUTH', false)],
      clashes: [{ field: 'invites.roomSystem', reason: 'room-system-busy', messageVi: 'Thiết bị phòng họp x đã bận', messageEn: '' }] }] };
    const s = summarize(r);
    expect(s.headline.tone).toBe('bad');
    expect(s.headline.text).toContain('2 vấn đề');
    expect(s.lines.map((l) => l.text)).toEqual(['Thiết bị phòng họp x đã bận', 'thiếu 2 cổng SIP video']);
  });

  it('lists the regions that fit when all is well', () => {
    const s = summarize({ bookable: true, sites: 3, occurrences: [{ start: '', end: '', bookable: true, clashes: [],
      regions: [region('NORTH', true)] }] });
    expect(s.headline.text).toBe('Đặt được: 3 điểm cầu, không trùng lịch, đủ năng lực.');
    expect(s.lines[0].text).toBe('Miền Bắc: đủ năng lực (07:45–10:15)');
  });

  it('names the other meeting in words', () => {
    expect(plainClash('Đơn vị chủ trì STP-HNI#11 đã bận')).toBe('Đơn vị chủ trì STP-HNI (cuộc họp số 11) đã bận');
  });

  it('calls once after the typing stops', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 400);
    d(1); d(2); d(3);
    vi.advanceTimersByTime(399);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith(3);
    vi.useRealTimers();
  });
});
