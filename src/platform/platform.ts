import type { Config } from './config.ts';
import type { Platform } from './context.ts';
import type { Database } from './db.ts';
import { EVENT_CHANNEL, EventHub } from './events.ts';
import { OrgTree } from './org-tree.ts';

/** The shared kernel a process runs on: one database, the org tree cache, the event hub. */
export async function createPlatform(database: Database, config: Config): Promise<Platform> {
  const events = new EventHub();
  const orgTree = new OrgTree(database.db);
  await database.listen(
    EVENT_CHANNEL,
    (payload) => events.dispatch(payload),
    () => {
      // listening again after a lost connection: what was notified meanwhile is gone, so reload
      orgTree.invalidate();
      events.resync();
    },
  );
  // an org created by any process reaches this one's access decisions at once, not after the TTL
  events.subscribe('org.', () => orgTree.invalidate());
  return { db: database.db, config, orgTree, events, databaseKind: database.kind };
}
