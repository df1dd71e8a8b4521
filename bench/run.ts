import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopAllServers } from './_server.ts';

/**
 * `npm run bench` runs every benchmark in this folder; `npm run bench -- <name>` runs one.
 * A benchmark is bench/<name>.ts whose default export returns its figures; they are printed
 * as a table and written to bench/results/<name>.json. Never part of `npm test`.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const names = wanted.length ? wanted : all;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`没有名为 ${name} 的基准测试；可选：${all.join(', ')}`);
    process.exit(2);
  }
}
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
let failed = 0;
for (const name of names) {
  console.log(`\n== ${name}`);
  try {
    const mod = (await import(path.join(here, `${name}.ts`))) as { default: () => Promise<Record<string, unknown>> };
    const result = { benchmark: name, at: new Date().toISOString(), ...(await mod.default()) };
    console.table(
      Object.entries(result)
        .filter(([, v]) => typeof v !== 'object')
        .map(([k, v]) => ({ field: k, value: v })),
    );
    fs.writeFileSync(path.join(here, 'results', `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    console.log(`→ bench/results/${name}.json`);
  } catch (err) {
    failed++;
    console.error(`基准测试 ${name} 失败：`, err);
  } finally {
    // a failed benchmark must not leave its server running (holding the port and connections)
    await stopAllServers();
  }
}
process.exit(failed ? 1 : 0);
