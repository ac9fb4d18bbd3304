import { describe, expect, it } from 'vitest';
import { can, rolesVi } from './roles';

describe('role → allowed actions', () => {
  it('lets the secretariat, admins and unit operators book, edit and cancel', () => {
    for (const r of ['ADMIN', 'SECRETARIAT', 'UNIT_OPERATOR']) {
      expect(can([r], 'book')).toBe(true);
      expect(can([r], 'edit')).toBe(true);
      expect(can([r], 'cancel')).toBe(true);
    }
  });
  it('keeps operators and observers read-only', () => {
    for (const r of ['OPERATOR', 'OBSERVER']) {
      expect(can([r], 'book')).toBe(false);
      expect(can([r], 'cancel')).toBe(false);
      expect(can([r], 'capacity')).toBe(true);
    }
  });
  it('hides the capacity page from unit operators, as the API does', () => {
    expect(can(['UNIT_OPERATOR'], 'capacity')).toBe(false);
  });
  it('allows nothing without a role', () => {
    expect(can([], 'book')).toBe(false);
  });
  it('names roles in Vietnamese, unknown ones as their code', () => {
    expect(rolesVi(['SECRETARIAT'])).toBe('Thư ký/Văn phòng');
    expect(rolesVi(['UNIT_OPERATOR', 'AUDITOR'])).toBe('Cán bộ đơn vị, AUDITOR');
  });
});
