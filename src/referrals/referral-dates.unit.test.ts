import { describe, expect, it } from 'vitest';
import { visitDateProblem } from './out-of-county.service.ts';
import { snapshotAge } from './referral.view.ts';

// 2026-12-31 16:30 UTC is 2027-01-01 00:30 in Shanghai: the server's UTC date is still last year
const NEW_YEAR_IN_SHANGHAI = new Date('2026-12-31T16:30:00Z');

describe('referral dates are Shanghai days', () => {
  it('an out-of-county visit dated today in Shanghai is accepted; tomorrow is refused', () => {
    expect(visitDateProblem('2027-01-01', NEW_YEAR_IN_SHANGHAI)).toBeNull();
    expect(visitDateProblem('2027-01-02', NEW_YEAR_IN_SHANGHAI)).toBe('就诊日期不能晚于今天');
    expect(visitDateProblem('2027-02-29', NEW_YEAR_IN_SHANGHAI)).toBe('就诊日期应为 YYYY-MM-DD 的有效日期');
  });

  it("the resident snapshot's age turns on the Shanghai birthday", () => {
    expect(snapshotAge('1947-01-01', NEW_YEAR_IN_SHANGHAI)).toBe(80);
    expect(snapshotAge('1947-01-02', NEW_YEAR_IN_SHANGHAI)).toBe(79);
  });
});
