import { describe, expect, it } from 'vitest';
import { addDays, ageOn, shanghaiDate, todayInShanghai } from './calendar.ts';

describe('Shanghai calendar days', () => {
  it('a day starts at 00:00 in Shanghai, 16:00 UTC the day before', () => {
    expect(shanghaiDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(todayInShanghai(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-01-01', -1)).toBe('2027-12-31');
    expect(addDays('2028-02-29', -365)).toBe('2027-03-01');
  });

  it('counts whole years; born on 29 February, a year older on 1 March of a common year', () => {
    expect(ageOn('1947-01-01', '2026-12-31')).toBe(79);
    expect(ageOn('1947-01-01', '2027-01-01')).toBe(80);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });
});
