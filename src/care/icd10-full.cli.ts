/**
 * Rewrites the pinyin column of icd10-full.data.ts from the names: `npx tsx src/care/icd10-full.cli.ts`.
 * Run it after adding or correcting rows; the unit test fails while a stored reading is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnosisSyllables } from './icd10-pinyin.ts';

const file = fileURLToPath(new URL('./icd10-full.data.ts', import.meta.url));
const ROW = /^([A-Z][0-9]{2}\.[0-9X]{3})\|([^|]+)(\|[a-z ]*)?$/;
let rows = 0;
const out = readFileSync(file, 'utf8')
  .split('\n')
  .map((line) => {
    const m = ROW.exec(line);
    if (!m) return line;
    rows++;
    return `${m[1]}|${m[2]}|${diagnosisSyllables(m[2]).join(' ')}`;
  })
  .join('\n');
writeFileSync(file, out);
console.log(`icd10-full.data.ts: ${rows} rows`);
