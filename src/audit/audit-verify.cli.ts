import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { verifyChain } from './audit.service.ts';

/** `npm run audit:verify`: exit 0 and "OK" when the chain is whole, else the first broken row. */
const database = await openDatabase(loadConfig());
try {
  const result = await verifyChain(database.db);
  if (result.ok) {
    console.log(`审计链校验通过 OK：${result.rows} 条记录完整`);
  } else {
    console.error(
      `审计链校验失败 BROKEN：${result.problem}（已核对 ${result.rows} 条，断点 seq=${result.brokenAtSeq}）`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
