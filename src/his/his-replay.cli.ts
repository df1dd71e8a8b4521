import { writeAudit } from '../platform/audit.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { OrgTree } from '../platform/org-tree.ts';
import { replay } from './his.service.ts';
import { senderCounties } from './his.queries.ts';

/**
 * `npm run his:replay [-- <message id> ...]`: processes held and error messages again after a
 * fix (a department created, a sender registered, a resident registered), oldest first, each
 * in its own transaction, and prints what became of them. Audited as the system.
 */
const ids = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const database = await openDatabase(loadConfig());
try {
  const tree = await new OrgTree(database.db).fresh();
  const counties = (await senderCounties(database.db)).map((r) => r.county_id);
  const total = { processed: 0, applied: 0, held: 0, error: 0 };
  for (const countyId of counties) {
    const r = await replay(
      { db: database.db, scope: { userId: 0, orgIds: tree.county(countyId) } },
      (trx, id, result) =>
        writeAudit(
          trx,
          {
            userId: null,
            username: 'his-replay',
            role: null,
            orgId: null,
            countyId,
            requestId: 'his-replay-cli',
            ip: '',
          },
          { action: 'his.message.replay', resource: 'his_message', resourceId: id, detail: { status: result.status } },
        ),
      ids.length ? ids : null,
    );
    for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
  }
  console.log(`重新处理 ${total.processed} 条：成功 ${total.applied}，仍待匹配 ${total.held}，仍出错 ${total.error}`);
} finally {
  await database.close();
}
