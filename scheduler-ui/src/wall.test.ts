import { describe, expect, it } from 'vitest';
import { GRADE_VI, apply, emptyWall, gradeOf, siteRows, type Sample } from './wall';

const sample = (endpointId: string, siteCode: string, mos: number, at = '2026-12-04T08:00:10Z'): Sample => ({
  at, endpointId, siteCode, sendKbps: 800, recvKbps: 1200, lossPct: 1, rttMs: 40, mos,
});

describe('MOS grade', () => {
  it('uses the bands good ≥ 4.0, fair ≥ 3.6, poor ≥ 3.1, bad below, each with a word', () => {
    expect([4.0, 3.99, 3.6, 3.59, 3.1, 3.09].map(gradeOf)).toEqual(['good', 'fair', 'fair', 'poor', 'poor', 'bad']);
    expect(gradeOf(null)).toBeNull();
    expect(GRADE_VI[gradeOf(2.5)!]).toBe('Rất kém');
  });
});

describe('folding the live feed', () => {
  it('starts from the snapshot and lets a quality window change a site\'s grade', () => {
    let s = apply(emptyWall(), 'snapshot', { participants: [sample('e1', 'HN01', 4.3)], sites: [] });
    expect(siteRows(s)[0]).toMatchObject({ site: 'HN01', grade: 'good' });
    s = apply(s, 'quality', sample('e1', 'HN01', 2.8, '2026-12-04T08:00:20Z'));
    expect(siteRows(s)[0]).toMatchObject({ site: 'HN01', grade: 'bad', mos: 2.8 });
  });

  it('averages a site\'s participants, puts the worst site first, and ignores an older window', () => {
    let s = emptyWall();
    s = apply(s, 'quality', sample('a', 'HN01', 4.4));
    s = apply(s, 'quality', sample('b', 'HN01', 3.8));
    s = apply(s, 'quality', sample('c', 'DN02', 3.2));
    s = apply(s, 'quality', sample('c', 'DN02', 4.5, '2026-12-04T07:59:00Z'));
    expect(siteRows(s).map((r) => [r.site, r.mos, r.grade, r.participants]))
      .toEqual([['DN02', 3.2, 'poor', 1], ['HN01', 4.1, 'good', 2]]);
  });

  it('drops a participant who left and marks alerts until they clear', () => {
    let s = apply(emptyWall(), 'quality', sample('a', 'HN01', 3.0));
    s = apply(s, 'alert', { siteCode: 'HN01', raised: true });
    expect(siteRows(s)[0].alert).toBe(true);
    s = apply(s, 'alert', { siteCode: 'HN01', raised: false });
    expect(siteRows(s)[0].alert).toBe(false);
    s = apply(s, 'left', { endpointId: 'a' });
    expect(siteRows(s)).toEqual([]);
    expect(apply(s, 'ping', {})).toBe(s);
  });
});
