import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv, readTable } from './sheet-read.ts';

describe('readTable', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks; skips blank lines', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n\r\n"two\nlines",x\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      [''],
      ['two\nlines', 'x'],
    ]);
    expect(readTable('x.csv', Buffer.from('a,b\r\n\r\n1,2'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes UTF-8 with a BOM and GB18030 alike', () => {
    const text = '通用名,规格\r\n盐酸二甲双胍片,0.5g';
    const want = [
      ['通用名', '规格'],
      ['盐酸二甲双胍片', '0.5g'],
    ];
    expect(readTable('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual(want);
    expect(readTable('a.CSV', iconv.encode(text, 'gb18030'))).toEqual(want);
  });
});
