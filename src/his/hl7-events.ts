import type { Hl7Message, Hl7Segment } from '@medplum/core';
import { Hl7Reject, parseHl7Time, type Hl7Header } from './hl7.ts';

/**
 * What each supported message means, read from its segments. The field map (agreed with the
 * county hospitals' HIS; the fixtures in ./fixtures follow it):
 * - PID-3 repetition with identifier type NI (or NNCHN / 01): the resident's 身份证号
 * - PV1-19 visit number: the visit's or stay's external number
 * - PV1-3 assigned location: .1 department code, .3 bed code
 * - PV1-10 hospital service 'TCM': a TCM visit (A04)
 * - PV1-36 discharge disposition (A03), PV1-44 admit time, PV1-45 discharge time
 * - DG1-3.1: the diagnosis (ICD-10), first DG1 segment
 * - EVN-6 event occurred (else EVN-2, else MSH-7): when it happened
 * - FT1 (DFT^P03): -2 transaction id (idempotency of the line), -4 date, -7.1 item code,
 *   -10 quantity (negative = refund), -12.1 unit price in yuan (optional: empty = the price list)
 */

export type Disposition = 'home' | 'down_referral' | 'transfer_out' | 'death' | 'other';

/** PV1-36 (HL7 table 0112, with the group's code for a down-referral) */
export const DISPOSITIONS: Record<string, Disposition> = {
  '01': 'home',
  '02': 'transfer_out',
  '03': 'down_referral',
  DR: 'down_referral',
  '07': 'other',
  '20': 'death',
};

export interface ChargeLine {
  itemCode: string;
  quantity: number;
  at: Date;
  unitPriceFen: number | null;
  externalLineId: string;
}

export type HisEvent =
  | {
      kind: 'A04';
      externalNumber: string;
      departmentCode: string;
      at: Date;
      diagnosisCode: string | null;
      tcm: boolean;
    }
  | {
      kind: 'A01';
      externalNumber: string;
      departmentCode: string;
      bedCode: string | null;
      at: Date;
      diagnosisCode: string | null;
    }
  | { kind: 'A02'; externalNumber: string; departmentCode: string; bedCode: string | null; at: Date }
  | { kind: 'A03'; externalNumber: string; at: Date; disposition: Disposition; diagnosisCode: string | null }
  | { kind: 'A08'; externalNumber: string; diagnosisCode: string | null; departmentCode: string | null }
  | { kind: 'A11'; externalNumber: string }
  | { kind: 'A13'; externalNumber: string }
  | { kind: 'P03'; externalNumber: string; lines: ChargeLine[] };

/** events that create something for a person, so the resident must be matched first */
export const NEEDS_RESIDENT = new Set<HisEvent['kind']>(['A01', 'A04']);

export const SUPPORTED_TYPES = [
  'ADT^A01',
  'ADT^A02',
  'ADT^A03',
  'ADT^A04',
  'ADT^A08',
  'ADT^A11',
  'ADT^A13',
  'DFT^P03',
] as const;

const ID_TYPES = new Set(['NI', 'NNCHN', '01', 'ID']);

function segment(msg: Hl7Message, name: string): Hl7Segment {
  const seg = msg.getSegment(name);
  if (!seg) throw new Hl7Reject('MISSING_SEGMENT', '100', `缺少 ${name} 段`, name);
  return seg;
}

function required(seg: Hl7Segment, field: number, component: number, what: string): string {
  const v = seg.getComponent(field, component).trim();
  if (!v) throw new Hl7Reject('MISSING_FIELD', '101', `缺少${what}（${seg.name}-${field}）`, `${seg.name}^1^${field}`);
  return v;
}

const optional = (seg: Hl7Segment | undefined, field: number, component = 1): string | null =>
  seg?.getComponent(field, component).trim() || null;

function time(seg: Hl7Segment | undefined, field: number): Date | null {
  const v = optional(seg, field);
  if (!v) return null;
  const at = parseHl7Time(v);
  if (!at)
    throw new Hl7Reject('BAD_TIME', '102', `时间 "${v}" 格式无效（${seg?.name}-${field}）`, `${seg?.name}^1^${field}`);
  return at;
}

/** The 身份证号 in PID-3 (the repetition whose identifier type is NI), as sent; null when there is none. */
export function idNumberOf(msg: Hl7Message): string | null {
  const pid = msg.getSegment('PID');
  if (!pid) return null;
  const field = pid.getField(3);
  for (const rep of field.components) {
    const [id = '', , , , type = ''] = rep;
    if (id.trim() && ID_TYPES.has(type.trim().toUpperCase())) return id.trim().toUpperCase();
  }
  return null;
}

function diagnosis(msg: Hl7Message): string | null {
  return optional(msg.getSegment('DG1'), 3);
}

/** yuan with at most 2 decimals → integer fen, exactly (no floating point) */
export function yuanToFen(v: string): number | null {
  const m = /^(-?)(\d{1,9})(?:\.(\d{1,2}))?$/.exec(v.trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

function chargeLines(msg: Hl7Message, fallbackAt: Date): ChargeLine[] {
  const ft1s = msg.getAllSegments('FT1');
  if (ft1s.length === 0) throw new Hl7Reject('MISSING_SEGMENT', '100', '费用消息缺少 FT1 段', 'FT1');
  return ft1s.map((ft1, i) => {
    const loc = (f: number) => `FT1^${i + 1}^${f}`;
    const externalLineId = ft1.getComponent(2, 1).trim();
    if (!externalLineId) throw new Hl7Reject('MISSING_FIELD', '101', `第 ${i + 1} 个 FT1 缺少交易号（FT1-2）`, loc(2));
    const itemCode = ft1.getComponent(7, 1).trim();
    if (!itemCode) throw new Hl7Reject('MISSING_FIELD', '101', `第 ${i + 1} 个 FT1 缺少收费项目编码（FT1-7）`, loc(7));
    const qtyRaw = ft1.getComponent(10, 1).trim();
    const quantity = Number(qtyRaw);
    if (!qtyRaw || !Number.isFinite(quantity) || quantity === 0 || !/^-?\d+(\.\d{1,3})?$/.test(qtyRaw)) {
      throw new Hl7Reject('BAD_QUANTITY', '102', `第 ${i + 1} 个 FT1 的数量（FT1-10）"${qtyRaw}" 无效`, loc(10));
    }
    const priceRaw = ft1.getComponent(12, 1).trim();
    const unitPriceFen = priceRaw ? yuanToFen(priceRaw) : null;
    if (priceRaw && (unitPriceFen === null || unitPriceFen < 0)) {
      throw new Hl7Reject('BAD_PRICE', '102', `第 ${i + 1} 个 FT1 的单价（FT1-12）"${priceRaw}" 无效`, loc(12));
    }
    return { itemCode, quantity, at: time(ft1, 4) ?? fallbackAt, unitPriceFen, externalLineId };
  });
}

/** The event a parsed message carries; an Hl7Reject (→ AR) when it is unsupported or incomplete. */
export function toEvent(msg: Hl7Message, header: Hl7Header, receivedAt: Date): HisEvent {
  const [family, trigger] = header.type.split('^');
  if (!(SUPPORTED_TYPES as readonly string[]).includes(header.type)) {
    const known = family === 'ADT' || family === 'DFT';
    throw new Hl7Reject(
      known ? 'UNSUPPORTED_EVENT' : 'UNSUPPORTED_TYPE',
      known ? '201' : '200',
      `不支持的消息类型 ${header.type}（支持 ${SUPPORTED_TYPES.join('、')}）`,
      'MSH^1^9',
    );
  }
  const pv1 = segment(msg, 'PV1');
  const evn = msg.getSegment('EVN');
  const externalNumber = required(pv1, 19, 1, '就诊号');
  const at = time(evn, 6) ?? time(evn, 2) ?? header.sentAt ?? receivedAt;
  switch (trigger) {
    case 'A04':
      return {
        kind: 'A04',
        externalNumber,
        departmentCode: required(pv1, 3, 1, '科室编码'),
        at: time(pv1, 44) ?? at,
        diagnosisCode: diagnosis(msg),
        tcm: optional(pv1, 10)?.toUpperCase() === 'TCM',
      };
    case 'A01':
      return {
        kind: 'A01',
        externalNumber,
        departmentCode: required(pv1, 3, 1, '科室编码'),
        bedCode: optional(pv1, 3, 3),
        at: time(pv1, 44) ?? at,
        diagnosisCode: diagnosis(msg),
      };
    case 'A02':
      return {
        kind: 'A02',
        externalNumber,
        departmentCode: required(pv1, 3, 1, '转入科室编码'),
        bedCode: optional(pv1, 3, 3),
        at,
      };
    case 'A03': {
      const code = optional(pv1, 36);
      return {
        kind: 'A03',
        externalNumber,
        at: time(pv1, 45) ?? at,
        disposition: code ? (DISPOSITIONS[code.toUpperCase()] ?? 'other') : 'home',
        diagnosisCode: diagnosis(msg),
      };
    }
    case 'A08':
      return { kind: 'A08', externalNumber, diagnosisCode: diagnosis(msg), departmentCode: optional(pv1, 3) };
    case 'A11':
      return { kind: 'A11', externalNumber };
    case 'A13':
      return { kind: 'A13', externalNumber };
    default:
      return { kind: 'P03', externalNumber, lines: chargeLines(msg, at) };
  }
}
