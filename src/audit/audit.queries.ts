import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { AuditQuery } from './audit.schema.ts';

/** Newest first by id (rows not yet sealed into the chain, with no seq yet, are listed too). */
export function list(db: Kdb, countyId: number, f: AuditQuery) {
  let q = db
    .selectFrom('audit_log')
    .select([
      'id',
      'seq',
      'at',
      'username',
      'role',
      'org_id',
      'action',
      'resource',
      'resource_id',
      'resident_id',
      'outcome',
      'request_id',
      'ip',
      'detail',
    ])
    .where((eb) => eb.or([eb('county_id', '=', countyId), eb('county_id', 'is', null)]));
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  if (f.username) q = q.where('username', '=', f.username);
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.residentId) q = q.where('resident_id', '=', f.residentId);
  const term = f.q;
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('resource_id', '=', term), eb('ip', '=', term)]));
  }
  if (f.upTo) q = q.where('id', '<=', String(f.upTo));
  return q.orderBy('id', f.sort === 'at' ? 'asc' : 'desc');
}

export interface ChainRow {
  seq: number;
  prev_hash: string;
  hash: string;
  computed: string;
}

/** Rows with the hash recomputed by the same SQL function the trigger used. */
export function chainBatch(db: Kdb, afterSeq: number, size: number) {
  return sql<ChainRow>`SELECT seq::float8 AS seq, prev_hash, hash, audit_digest(prev_hash, a) AS computed
    FROM audit_log a WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${size}`
    .execute(db)
    .then((r) => r.rows);
}

export function head(db: Kdb) {
  return sql<{ seq: number; hash: string }>`SELECT seq::float8 AS seq, hash FROM audit_head_position()`
    .execute(db)
    .then((r) => r.rows[0]);
}
