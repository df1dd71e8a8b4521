import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

/**
 * What the remote-diagnosis generator's statements share (remote.seed.ts): like the care and
 * chronic generators, every statement is one INSERT … SELECT run inside PostgreSQL, its
 * randomness md5 of the seed, a salt and a row key, so the same seed gives the same county.
 */
export interface RemoteCtx {
  county: number;
  seed: number;
  /** the reference instant (ISO) */
  now: string;
  scale: 'demo' | 'jiexiu';
  people: number;
  root: number;
  /** the people's hospital's readers (at least two: author ≠ reviewer) */
  readers: number[];
  coordinator: number;
}

/** A uniform number in [0, 1) from the seed, a salt and a row key (an SQL float8 expression). */
export function u(c: RemoteCtx, salt: string, key: string): string {
  return `((('x' || substr(md5('${c.seed}:${salt}:' || (${key})::text), 1, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;
}

/** One element of a text array picked by a uniform number. */
export function pick(xs: readonly string[], uniform: string): string {
  return `(${textArray(xs)})[1 + floor(${uniform} * ${xs.length})::int]`;
}

export const at = (c: RemoteCtx) => `'${c.now}'::timestamptz`;
export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(quote).join(', ')}]::text[]`;
export const intArray = (xs: readonly number[]) => `ARRAY[${xs.map((x) => Math.trunc(x)).join(', ')}]::int[]`;

/** runs one generated statement */
export async function run(trx: Kdb, text: string): Promise<void> {
  await sql.raw(text).execute(trx);
}

export async function rows<T>(trx: Kdb, text: string): Promise<T[]> {
  return (await sql.raw<T>(text).execute(trx)).rows;
}

export const ECG_CONCLUSIONS = [
  '窦性心律，正常心电图',
  '窦性心律，正常心电图',
  '窦性心律，正常心电图',
  '窦性心律，正常心电图',
  '窦性心动过缓',
  '窦性心律，ST-T 改变',
  '心房颤动',
  '完全性右束支传导阻滞',
  '窦性心律，左心室高电压',
  '窦性心律，偶发室性早搏',
];
export const IMAGING_CONCLUSIONS = [
  '双肺未见明显异常',
  '双肺纹理增多',
  '右肺下叶少许炎症',
  '颅脑 CT 平扫未见明显异常',
  '腔隙性脑梗死',
  '腰 4/5 椎间盘突出',
];
export const US_CONCLUSIONS = [
  '肝胆胰脾未见明显异常',
  '脂肪肝（轻度）',
  '胆囊结石',
  '双侧颈动脉内中膜增厚',
  '甲状腺结节（TI-RADS 3 类）',
  '左室舒张功能减低',
];
export const PATH_CONCLUSIONS = ['慢性炎症', '未见上皮内病变或恶性细胞（NILM）', '管状腺瘤，低级别上皮内瘤变'];
