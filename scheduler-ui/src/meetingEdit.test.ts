import { describe, expect, it } from 'vitest';
import type { Meeting } from './api';
import { cancelUrl, editFieldOf, editFormOf, editUrl, ifMatch, scopesFor, toEditRequest } from './meetingEdit';

const meeting: Meeting = {
  id: 7, title: 'Giao ban', hostSite: 'BTP', start: '2026-11-30T01:00:00Z', end: '2026-11-30T03:00:00Z',
  status: 'BOOKED', seriesId: 1, version: 3, agenda: null,
  invites: [
    { site: 'BTP', participation: 'INTERACTIVE', wayIn: 'ROOM_SYSTEM', roomSystem: 'phong-hop-1', region: 'NORTH' },
    { site: 'STP-HPG', participation: 'VIEWER', wayIn: 'BROWSER', roomSystem: null, region: 'NORTH' },
  ],
  capacity: [],
};

describe('editing a meeting', () => {
  it('fills the form in Vietnamese time', () => {
    expect(editFormOf(meeting)).toEqual({ title: 'Giao ban', agenda: '', date: '2026-11-30', startTime: '08:00', endTime: '10:00' });
  });
  it('sends the whole booking back with the edited fields and the same invites', () => {
    const r = toEditRequest(meeting, { title: ' Giao ban (sửa) ', agenda: 'x', date: '2026-12-01', startTime: '09:00', endTime: '11:00' });
    expect(r).toEqual({
      title: 'Giao ban (sửa)', agenda: 'x', hostSite: 'BTP', start: '2026-12-01T09:00', end: '2026-12-01T11:00',
      invites: [
        { site: 'BTP', participation: 'INTERACTIVE', wayIn: 'ROOM_SYSTEM', roomSystem: 'phong-hop-1' },
        { site: 'STP-HPG', participation: 'VIEWER', wayIn: 'BROWSER', roomSystem: null },
      ],
      inviteRules: [],
    });
  });
  it('offers the series scopes only for a series', () => {
    expect(scopesFor(meeting)).toEqual(['ONE', 'FOLLOWING', 'ALL']);
    expect(scopesFor({ seriesId: null })).toEqual(['ONE']);
  });
  it('builds scope URLs and the If-Match of the version seen', () => {
    expect(editUrl(7, 'FOLLOWING')).toBe('/api/v1/meetings/7?scope=FOLLOWING');
    expect(cancelUrl(7, 'ONE', '')).toBe('/api/v1/meetings/7/cancel?scope=ONE');
    expect(cancelUrl(7, 'ALL', ' nghỉ lễ ')).toBe('/api/v1/meetings/7/cancel?scope=ALL&reason=ngh%E1%BB%89+l%E1%BB%85');
    expect(ifMatch(meeting)).toEqual({ 'If-Match': '"3"' });
  });
  it('places server errors on the edited fields, others above the form', () => {
    expect(editFieldOf('title')).toBe('title');
    expect(editFieldOf('end')).toBe('end');
    expect(editFieldOf('invites[0].site')).toBeNull();
    expect(editFieldOf('hostSite')).toBeNull();
  });
});
