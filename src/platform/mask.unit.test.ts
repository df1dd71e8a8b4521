import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMobile, maskName } from './mask.ts';

describe('masking', () => {
  it('keeps the first 4 and last 4 of an ID number', () =>
    expect(maskIdNumber('140781198002290013')).toBe('1407**********0013'));
  it('keeps 3 + 4 of a mobile', () => expect(maskMobile('13800138001')).toBe('138****8001'));
  it('masks the middle of a name, counting code points (𠮷)', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('𠮷田')).toBe('𠮷*');
    expect(maskName('欧阳·娜娜')).toBe('欧***娜');
  });
});
