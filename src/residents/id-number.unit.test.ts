import { describe, expect, it } from 'vitest';
import { checkDigit, parseIdNumber } from './id-number.ts';

const TODAY = new Date('2026-11-22T00:00:00Z');
const withCheck = (first17: string) => first17 + checkDigit(first17);

describe('身份证号 (GB 11643)', () => {
  it('accepts the standard example with check character X', () => {
    const r = parseIdNumber('11010519491231002X', TODAY);
    expect(r).toMatchObject({ ok: true, info: { birthDate: '1949-12-31', sex: 'F' } });
  });

  it('accepts a Jiexiu number and reads sex and birth date from it', () => {
    const id = withCheck('14078119800229001'); // 1980 is a leap year; 17th digit odd → male
    const r = parseIdNumber(id, TODAY);
    expect(r.ok && r.info).toMatchObject({
      birthDate: '1980-02-29',
      sex: 'M',
      region: expect.stringContaining('介休'),
    });
  });

  it('normalises a lowercase x and surrounding spaces', () => {
    const r = parseIdNumber(' 11010519491231002x ', TODAY);
    expect(r.ok && r.info.normalized).toBe('11010519491231002X');
  });

  it.each([
    ['wrong check digit', '110105194912310021', '校验位'],
    ['17 digits', '11010519491231002', '18 位'],
    ['19 digits', '1101051949123100211', '18 位'],
    ['letters inside', '1101051949A231002X', '只能包含数字'],
    ['X not last', 'X10105194912310021', '只能包含数字'],
    ['29 Feb in a non-leap year', withCheck('14078119810229001'), '不是有效日期'],
    ['29 Feb 1900 (not a leap year)', withCheck('14078119000229001'), '不是有效日期'],
    ['month 13', withCheck('14078119801301001'), '不是有效日期'],
    ['day 00', withCheck('14078119800100001'), '不是有效日期'],
    ['born tomorrow', withCheck('14078120261123001'), '晚于今天'],
    ['unknown Shanxi county', withCheck('14999919800101001'), '行政区划'],
    ['unknown province 99', withCheck('99010119800101001'), '行政区划'],
  ])('rejects %s', (_label, id: string, message: string) => {
    const r = parseIdNumber(id, TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('accepts 29 Feb 2000 (leap, divisible by 400) and today', () => {
    expect(parseIdNumber(withCheck('14078120000229002'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withCheck('14078120261122002'), TODAY).ok).toBe(true);
  });

  it('"today" is the Shanghai date: born on 23 Nov is accepted at 00:30 there (16:30 UTC on the 22nd)', () => {
    expect(parseIdNumber(withCheck('14078120261123001'), new Date('2026-11-22T16:30:00Z')).ok).toBe(true);
    expect(parseIdNumber(withCheck('14078120261124001'), new Date('2026-11-22T16:30:00Z')).ok).toBe(false);
  });

  it('accepts other provinces by province code and Shanxi counties by full code', () => {
    expect(parseIdNumber(withCheck('44030519900101003'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withCheck('14112219900101003'), TODAY).ok).toBe(true); // 交城县
    expect(parseIdNumber(withCheck('14082519900101003'), TODAY).ok).toBe(true); // 新绛县
  });
});
