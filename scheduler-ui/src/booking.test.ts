import { describe, expect, it } from 'vitest';
import { formFieldOf, siteCodes, toRequest, type BookingForm } from './booking';

const form: BookingForm = {
  title: '  Giao ban quý IV ', agenda: 'Tổng kết', hostSite: 'stp-hni', date: '2026-12-01',
  startTime: '08:00', endTime: '10:00', weeks: '', inviteCodes: 'STP-HPG, thads-hni\nSTP-HPG',
  participation: 'INTERACTIVE', wayIn: 'BROWSER', ruleRegion: '', ruleKinds: [], ruleParticipation: 'VIEWER',
};

describe('booking form → request', () => {
  it('maps a one-off meeting with listed sites', () => {
    expect(toRequest(form)).toEqual({
      title: 'Giao ban quý IV', agenda: 'Tổng kết', hostSite: 'STP-HNI',
      start: '2026-12-01T08:00', end: '2026-12-01T10:00', rrule: null,
      invites: [
        { site: 'STP-HPG', participation: 'INTERACTIVE', wayIn: 'BROWSER' },
        { site: 'THADS-HNI', participation: 'INTERACTIVE', wayIn: 'BROWSER' },
      ],
      inviteRules: [],
    });
  });
  it('adds a weekly rule and an invitation rule', () => {
    const r = toRequest({ ...form, weeks: '4', inviteCodes: '', ruleRegion: 'CENTRAL',
      ruleKinds: ['PROVINCE_THADS', 'REGIONAL_THADS'] });
    expect(r.rrule).toBe('FREQ=WEEKLY;COUNT=4');
    expect(r.invites).toEqual([]);
    expect(r.inviteRules).toEqual([{ region: 'CENTRAL', kinds: ['PROVINCE_THADS', 'REGIONAL_THADS'], participation: 'VIEWER' }]);
  });
  it('sends no rule for a single occurrence', () => {
    expect(toRequest({ ...form, weeks: '1' }).rrule).toBeNull();
  });
  it('splits codes on commas, spaces and new lines, upper-cased, once each', () => {
    expect(siteCodes(' a, b;c\n\nA ')).toEqual(['A', 'B', 'C']);
  });
  it('finds the form field of an indexed API field', () => {
    expect(formFieldOf('invites[2].site')).toBe('invites');
    expect(formFieldOf('inviteRules[0].kinds')).toBe('inviteRules');
    expect(formFieldOf('start')).toBe('start');
  });
});
