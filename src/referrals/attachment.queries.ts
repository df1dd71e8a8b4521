import type { Insertable } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { ReferralAttachmentsTable } from './referral.tables.ts';

const META = ['id', 'referral_id', 'filename', 'mime', 'size_bytes', 'uploaded_at'] as const;

export function insert(db: Kdb, values: Insertable<ReferralAttachmentsTable>) {
  return db.insertInto('referral_attachments').values(values).returning(META).executeTakeFirstOrThrow();
}

/** What a referral's page lists: never the bytes. */
export function metaFor(db: Kdb, referralId: number) {
  return db
    .selectFrom('referral_attachments')
    .select(META)
    .where('referral_id', '=', referralId)
    .orderBy('id')
    .execute();
}

/** The file with its referral's resident; row-level security follows the referral. */
export function findForDownload(db: Kdb, id: number) {
  return db
    .selectFrom('referral_attachments as a')
    .innerJoin('referrals as r', 'r.id', 'a.referral_id')
    .select(['a.id', 'a.filename', 'a.mime', 'a.data', 'a.referral_id', 'r.resident_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}
