import { Hl7Message } from '@medplum/core';
import { SHANGHAI_OFFSET_MS } from '../platform/calendar.ts';
import type { AckCode } from './his.tables.ts';

/**
 * HL7 v2 in and out. Parsing is @medplum/core's Hl7Message (a maintained library); this file
 * only reads the header, turns HL7 timestamps into instants and writes the ACK.
 */

/** A message the interface refuses as it stands (AR): malformed, unsupported, a required field missing. */
export class Hl7Reject extends Error {
  constructor(
    /** our code, stored with the message and sent in ERR-5 */
    readonly code: string,
    /** HL7 table 0357: 100 segment sequence, 101 required field missing, 102 data type, 200/201 unsupported */
    readonly hl7Code: '100' | '101' | '102' | '200' | '201' | '202' | '207',
    message: string,
    /** ERR-2: segment^sequence^field, e.g. PV1^1^19 */
    readonly location = '',
  ) {
    super(message);
  }
}

export interface Hl7Header {
  /** MSH-4.1: the sending facility, which names the sender */
  facility: string;
  /** MSH-10 */
  controlId: string;
  /** MSH-9.1^MSH-9.2, e.g. 'ADT^A01' */
  type: string;
  /** MSH-7, the sender's clock */
  sentAt: Date | null;
}

export interface Parsed {
  msg: Hl7Message;
  header: Hl7Header;
}

/** What can be read of a message's header even when it is not a usable message (for storing and answering it). */
export interface LooseHeader {
  facility: string | null;
  controlId: string | null;
  type: string | null;
  sendingApp: string;
  receivingApp: string;
  receivingFacility: string;
  version: string;
}

const HL7_TIME = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.(\d{1,4}))?([+-]\d{4})?$/;

/** HL7 DTM/TS ('20261201083000', '202612010830+0800', '20261201') → instant; no zone = Asia/Shanghai. */
export function parseHl7Time(value: string): Date | null {
  const m = HL7_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '0', zone] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(utc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23) return null;
  if (Number(mi) > 59 || Number(s) > 59) return null;
  const offsetMs = zone
    ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000
    : SHANGHAI_OFFSET_MS;
  return new Date(utc - offsetMs);
}

/** instant → 'YYYYMMDDHHMMSS+0800' */
export function formatHl7Time(at: Date): string {
  const iso = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return iso.slice(0, 19).replace(/[-T:]/g, '') + '+0800';
}

/** The HL7 escape sequences for the delimiters, so a Chinese reason with a '|' cannot break the ACK. */
export function escapeHl7(text: string): string {
  return text
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/~/g, '\\R\\')
    .replace(/&/g, '\\T\\')
    .replace(/[\r\n]+/g, ' ');
}

/** MLLP and HTTP senders use \r between segments; files and curl often bring \n or \r\n. */
export function normaliseSegments(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n|\n/g, '\r')
    .replace(/\r+$/, '')
    .trim();
}

/** Reads MSH by splitting on its own field separator: works when the library cannot parse the rest. */
export function looseHeader(raw: string): LooseHeader {
  const text = normaliseSegments(raw);
  const first = text.split('\r')[0] ?? '';
  const none: LooseHeader = {
    facility: null,
    controlId: null,
    type: null,
    sendingApp: '',
    receivingApp: '',
    receivingFacility: '',
    version: '2.5',
  };
  if (!first.startsWith('MSH') || first.length < 8) return none;
  const sep = first[3];
  const comp = first[4] ?? '^';
  const f = first.split(sep); // f[1] is the encoding characters, so f[n] is MSH-(n+1)
  const c1 = (v: string | undefined) => (v ?? '').split(comp)[0].trim();
  const type = [c1(f[8]), (f[8] ?? '').split(comp)[1] ?? ''].filter(Boolean).join('^');
  return {
    facility: c1(f[3]) || null,
    controlId: (f[9] ?? '').trim() || null,
    type: type || null,
    sendingApp: c1(f[2]),
    receivingApp: c1(f[4]),
    receivingFacility: c1(f[5]),
    version: c1(f[11]) || '2.5',
  };
}

/** Parses and checks the header; anything unusable is an Hl7Reject (→ AR). */
export function parseMessage(raw: string): Parsed {
  const text = normaliseSegments(raw);
  if (!text.startsWith('MSH')) throw new Hl7Reject('MALFORMED', '100', '报文不是以 MSH 段开头的 HL7 v2 消息', 'MSH');
  let msg: Hl7Message;
  try {
    msg = Hl7Message.parse(text);
  } catch (err) {
    throw new Hl7Reject('MALFORMED', '100', `HL7 报文无法解析：${(err as Error).message}`, 'MSH');
  }
  const msh = msg.getSegment('MSH');
  if (!msh) throw new Hl7Reject('MALFORMED', '100', '缺少 MSH 段', 'MSH');
  for (const seg of msg.segments) {
    if (!/^[A-Z][A-Z0-9]{2}$/.test(seg.name)) {
      throw new Hl7Reject(
        'MALFORMED',
        '100',
        `段名 "${seg.name.slice(0, 10)}" 不是有效的 HL7 段名`,
        seg.name.slice(0, 3),
      );
    }
  }
  const facility = msh.getComponent(4, 1).trim();
  const controlId = msh.getField(10)?.toString().trim() ?? '';
  const type = `${msh.getComponent(9, 1)}^${msh.getComponent(9, 2)}`;
  if (!facility) throw new Hl7Reject('MISSING_FIELD', '101', '缺少发送机构（MSH-4）', 'MSH^1^4');
  if (!controlId) throw new Hl7Reject('MISSING_FIELD', '101', '缺少消息控制号（MSH-10）', 'MSH^1^10');
  if (controlId.length > 64) throw new Hl7Reject('MALFORMED', '102', '消息控制号（MSH-10）过长', 'MSH^1^10');
  const sentRaw = msh.getField(7)?.toString() ?? '';
  const sentAt = sentRaw ? parseHl7Time(msh.getComponent(7, 1)) : null;
  if (sentRaw && !sentAt) throw new Hl7Reject('BAD_TIME', '102', `消息时间（MSH-7）"${sentRaw}" 格式无效`, 'MSH^1^7');
  return { msg, header: { facility, controlId, type, sentAt } };
}

export interface AckError {
  /** HL7 table 0357 */
  hl7Code: string;
  /** ours, e.g. UNKNOWN_RESIDENT */
  code: string;
  text: string;
  severity: 'E' | 'W';
  location?: string;
}

const HL7_ERROR_TEXT: Record<string, string> = {
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '202': 'Unsupported processing id',
  '204': 'Unknown key identifier',
  '206': 'Application record locked',
  '207': 'Application internal error',
};

/**
 * The ACK for a message: MSH (sender and receiver swapped), MSA with the code and the
 * message's control id, and ERR (location, HL7 code, severity, our code and the Chinese
 * reason) when there is something to say. ackId is ours and deterministic per stored row.
 */
export function buildAck(header: LooseHeader, code: AckCode, ackId: string, now: Date, err?: AckError): string {
  const trigger = (header.type ?? '').split('^')[1] ?? '';
  const msh = [
    'MSH',
    '^~\\&',
    'ONECOUNTY',
    escapeHl7(header.receivingFacility || 'ONECOUNTY'),
    escapeHl7(header.sendingApp),
    escapeHl7(header.facility ?? ''),
    formatHl7Time(now),
    '',
    `ACK^${escapeHl7(trigger)}^ACK`,
    ackId,
    'P',
    escapeHl7(header.version),
    '',
    '',
    '',
    '',
    '',
    'UNICODE UTF-8',
  ].join('|');
  const msa = ['MSA', code, escapeHl7(header.controlId ?? ''), err ? escapeHl7(err.text) : ''].join('|');
  const segments = [msh, msa];
  if (err) {
    segments.push(
      [
        'ERR',
        '',
        err.location ?? '', // ours: segment^sequence^field, components meant
        `${err.hl7Code}^${HL7_ERROR_TEXT[err.hl7Code] ?? 'Application error'}^HL70357`,
        err.severity,
        `${escapeHl7(err.code)}^${escapeHl7(err.text)}^L`,
        '',
        '',
        escapeHl7(err.text),
      ].join('|'),
    );
  }
  return segments.join('\r');
}
