import argon2 from 'argon2';
import type { Kdb } from './db.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, yet a login stays well under 100 ms.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => argon2.hash(plain, OPTIONS);

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** Policy: at least 12 characters from at least 3 of upper, lower, digit, symbol. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 12) return '密码至少需要 12 个字符';
  if (plain.length > 128) return '密码不能超过 128 个字符';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(plain)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少 3 类';
  return null;
}

/**
 * A hash to verify against when the username is unknown, so an unknown account costs the same
 * argon2 verify as a known one. Made with the same parameters, once per process: start-up
 * awaits it (auth routes), so not even the first unknown login pays for the hashing.
 */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy-password-for-timing');
  return dummy;
}

/** A new password may not be one of the account's last 5: the current one and the 4 it replaced. */
export const PASSWORD_HISTORY = 5;

/** True when `plain` is the current password (`currentHash`) or one of the 4 before it. */
export async function isRecentPassword(db: Kdb, staffId: number, currentHash: string, plain: string) {
  const previous = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('staff_id', '=', staffId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY - 1)
    .execute();
  for (const hash of [currentHash, ...previous.map((r) => r.password_hash)]) {
    if (await verifyPassword(hash, plain)) return true;
  }
  return false;
}

/**
 * Keeps the account's current hash in its history; call it in the transaction that replaces
 * the password (a change, an admin reset), before the UPDATE. Only the last 4 are kept.
 */
export async function rememberCurrentPassword(db: Kdb, staffId: number): Promise<void> {
  await db
    .insertInto('password_history')
    .columns(['county_id', 'staff_id', 'password_hash'])
    .expression((eb) => eb.selectFrom('staff').select(['county_id', 'id', 'password_hash']).where('id', '=', staffId))
    .execute();
  await db
    .deleteFrom('password_history')
    .where('staff_id', '=', staffId)
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('password_history')
        .select('id')
        .where('staff_id', '=', staffId)
        .orderBy('id', 'desc')
        .limit(PASSWORD_HISTORY - 1),
    )
    .execute();
}
