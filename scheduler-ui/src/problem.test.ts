import { describe, expect, it } from 'vitest';
import { showProblem } from './problem';

describe('problem+json', () => {
  it('shows the detail and puts each Vietnamese message under its field', () => {
    const shown = showProblem(400, {
      title: 'Yêu cầu không hợp lệ', detail: 'Lịch họp có 2 lỗi', code: 'invalid-booking',
      errors: [
        { field: 'start', reason: 'in-past', messageVi: 'đã qua', messageEn: 'in the past' },
        { field: 'start', reason: 'x', messageVi: 'sai định dạng', messageEn: 'bad format' },
        { field: 'hostSite', reason: 'unknown-site', messageVi: 'không có đơn vị XYZ', messageEn: 'no site XYZ' },
      ],
    });
    expect(shown.message).toBe('Lịch họp có 2 lỗi');
    expect(shown.fields).toEqual({ start: ['đã qua', 'sai định dạng'], hostSite: ['không có đơn vị XYZ'] });
    expect(shown.general).toEqual([]);
  });
  it('keeps import line numbers and errors without a field', () => {
    const shown = showProblem(400, { detail: 'd', errors: [{ reason: 'cycle', messageVi: 'vòng lặp', line: 7 }] });
    expect(shown.general).toEqual(['Dòng 7: vòng lặp']);
  });
  it('falls back to the title, then English, then the HTTP status', () => {
    expect(showProblem(409, { title: 'Trùng lịch' }).message).toBe('Trùng lịch');
    expect(showProblem(400, { detail: 'd', errors: [{ field: 'f', messageEn: 'bad' }] }).fields).toEqual({ f: ['bad'] });
    expect(showProblem(403, null).message).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect(showProblem(502, '<html>').message).toBe('Lỗi máy chủ (HTTP 502).');
  });
});

describe('problem+json in English', () => {
  it('shows detailEn and each messageEn when English is chosen', () => {
    const store = new Map<string, string>([['hoinghi.lang', 'en']]);
    const saved = globalThis.localStorage;
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: { getItem: (k: string) => store.get(k) ?? null } });
    try {
      const shown = showProblem(400, {
        detail: 'Lịch họp có 1 lỗi', detailEn: 'The booking has 1 error', titleEn: 'Invalid booking',
        errors: [{ field: 'start', messageVi: 'đã qua', messageEn: 'in the past' }, { line: 3, messageVi: 'vòng lặp', messageEn: 'a cycle' }],
      });
      expect(shown.message).toBe('The booking has 1 error');
      expect(shown.fields).toEqual({ start: ['in the past'] });
      expect(shown.general).toEqual(['Line 3: a cycle']);
      expect(showProblem(403, null).message).toBe('You are not allowed to do this.');
    } finally {
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: saved });
    }
  });
});
