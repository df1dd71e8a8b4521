import { buildApp } from './app.ts';
import { startAuditSealer } from './platform/audit.ts';
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db.ts';
import { UnsafeDatabaseError } from './platform/db-safety.ts';
import { createPlatform } from './platform/platform.ts';
import { DEMO_ACCOUNTS, ensureDemoCounty } from './seed/seed.ts';

/** Process entry: config, database (migrations run inside), demo county on first start, listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config).catch((err: unknown) => {
    if (err instanceof UnsafeDatabaseError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  });
  let screenUrls: string[] = [];
  const profile = config.demoProfile;
  if (profile !== 'none') {
    // several processes may start at once on an empty database: one generates, the others find it
    const created = await database.exclusive('onecounty.demo-county', () =>
      ensureDemoCounty(database.db, { profile, seed: config.demoSeed, password: config.demoPassword }),
    );
    if (created)
      console.log(
        `已生成演示县域（${config.demoProfile}，seed=${config.demoSeed}）：${created.orgs} 个机构，${created.residents} 名居民`,
      );
    screenUrls = created?.screenUrls ?? [];
  }
  const platform = await createPlatform(database, config);
  const app = await buildApp(platform, { logger: true });
  const stopSealer = startAuditSealer(database.db, (err) => app.log.error({ err }, 'audit sealing failed'));
  const close = async () => {
    stopSealer();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close());
  process.on('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nOneCounty 县域医共体一体化平台已启动：${url}  （数据库：${database.kind}，API 文档：${url}/docs）`);
  if (config.demoProfile !== 'none') {
    console.log(`演示账号（密码均为 ${config.demoPassword}）：`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.label}`);
    console.log(`居民自助预约（手机页面）：${url}/book`);
    // the screen token is stored only as a hash: its URL can be shown once, at generation
    for (const s of screenUrls) console.log(`叫号屏（无需登录，请保存此地址）：${url}${s}`);
  }
}

main().catch((err: unknown) => {
  console.error('启动失败：', err);
  process.exit(1);
});
