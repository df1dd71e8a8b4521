import argon2 from 'argon2';

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

/** A dummy hash to verify against when the username is unknown, so timing does not tell. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy-password-for-timing');
  return dummy;
}
