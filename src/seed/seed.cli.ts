import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import type { ProfileName } from './profiles.ts';
import { existingCounty, generateCounty, seedFeatures, type SeedProgress } from './seed.ts';

/**
 * `npm run seed -- --profile jiexiu --seed 7`: generates a demo county into the configured
 * database (DATABASE_URL or ./data). Progress goes to stderr, the summary to stdout.
 */

const PROFILE_NAMES: readonly ProfileName[] = ['tiny', 'demo', 'jiexiu'];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readArgs(): { profile: ProfileName; seed: number } {
  const { values } = parseArgs({
    options: { profile: { type: 'string', default: 'demo' }, seed: { type: 'string' } },
    strict: true,
  });
  const profile = PROFILE_NAMES.find((p) => p === values.profile);
  if (!profile) fail(`参数错误：--profile 只能是 ${PROFILE_NAMES.join('、')}，得到 "${values.profile}"`);
  const seed = values.seed === undefined ? loadConfig().demoSeed : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) fail(`参数错误：--seed 应为非负整数，得到 "${values.seed}"`);
  return { profile, seed };
}

function progressPrinter(started: number): (p: SeedProgress) => void {
  let lastPrint = 0;
  return (p) => {
    const now = performance.now();
    // one line every 2 s is enough to see it move without flooding a CI log
    if (p.phase === 'residents' && p.done < p.total && now - lastPrint < 2000) return;
    lastPrint = now;
    const pct = p.total ? Math.round((100 * p.done) / p.total) : 100;
    process.stderr.write(`[${((now - started) / 1000).toFixed(1)}s] ${p.phase}: ${p.done}/${p.total} (${pct}%)\n`);
  };
}

async function main(): Promise<void> {
  const { profile, seed } = readArgs();
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const existing = await existingCounty(database.db);
    if (existing) {
      console.error(
        `数据库中已存在县域“${existing.name}”（id ${existing.id}），不会重复生成演示数据。` +
          `如需重新生成，请换一个空数据库（DATA_DIR 或 DATABASE_URL）后再运行。`,
      );
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    const result = await generateCounty(database.db, {
      profile,
      seed,
      password: config.demoPassword,
      onProgress: progressPrinter(started),
    });
    const features = await seedFeatures(database.db, result.countyId, {
      profile,
      seed,
      onStep: (step, ms) =>
        process.stderr.write(
          `[${((performance.now() - started) / 1000).toFixed(1)}s] ${step}: ${(ms / 1000).toFixed(1)}s\n`,
        ),
    });
    for (const url of features.screenUrls) console.log(`叫号屏地址（令牌只显示这一次）：${url}`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `已生成演示县域（${profile}，seed=${seed}，数据库：${database.kind}）：` +
        `${result.orgs} 个机构，${result.staff} 名工作人员，${result.residents} 名居民，用时 ${seconds} 秒`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error('生成失败：', err);
  process.exit(1);
});
