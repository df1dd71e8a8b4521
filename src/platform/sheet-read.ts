import iconv from 'iconv-lite';
import { readXlsx } from './xlsx-read.ts';

/**
 * The cells of an uploaded table, row by row, as text: the first sheet of an .xlsx, or a CSV
 * in UTF-8 (with or without BOM) or GB18030 (what Excel saves on a Chinese Windows). Bytes that
 * are not valid UTF-8 mean GB18030. Quoted CSV fields may hold commas, quotes ("") and line breaks.
 */
export function readTable(fileName: string, content: Buffer): string[][] {
  if (/\.xlsx$/i.test(fileName)) return readXlsx(content).filter((r) => r.some((c) => c.trim() !== ''));
  const utf8 = content.toString('utf8');
  const text = utf8.includes('\uFFFD') ? iconv.decode(content, 'gb18030') : utf8.replace(/^\uFEFF/, '');
  return parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
