import { Hl7Message } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { toEvent, yuanToFen } from './hl7-events.ts';
import { buildAck, escapeHl7, formatHl7Time, looseHeader, parseHl7Time, parseMessage } from './hl7.ts';
import { a01, a02, a03, a04, a08, a11, a13, p03 } from './fixtures/simulated-his.ts';
import { frame, MllpDecoder } from './mllp.ts';

const v = { facility: 'RMYY-HIS', controlId: 'C1', visitNumber: 'ZY001', at: '20261201083000' };
const patient = { idNumber: '110101199003074514', name: '张三' };

describe('HL7 times', () => {
  it('reads a time without a zone as Shanghai time, with a zone as given', () => {
    expect(parseHl7Time('20261201083000')?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(parseHl7Time('20261201083000+0000')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(parseHl7Time('202612010830')?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(parseHl7Time('20261201')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(parseHl7Time('20260230120000')).toBeNull();
    expect(parseHl7Time('yesterday')).toBeNull();
    expect(formatHl7Time(new Date('2026-12-01T00:30:00Z'))).toBe('20261201083000+0800');
  });
});

describe('money', () => {
  it('turns yuan into integer fen exactly', () => {
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('-3.10')).toBe(-310);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
});

describe('events', () => {
  const ev = (raw: string) => {
    const p = parseMessage(raw);
    return toEvent(p.msg, p.header, new Date(0));
  };
  it('reads every supported event with the agreed field map', () => {
    expect(ev(a04({ ...v, patient, dept: 'NEI', diagnosis: 'J06.9', tcm: true }))).toEqual({
      kind: 'A04',
      externalNumber: 'ZY001',
      departmentCode: 'NEI',
      at: new Date('2026-12-01T00:30:00Z'),
      diagnosisCode: 'J06.9',
      tcm: true,
    });
    expect(ev(a01({ ...v, patient, dept: 'NEI', bed: '12' }))).toMatchObject({
      kind: 'A01',
      departmentCode: 'NEI',
      bedCode: '12',
    });
    expect(ev(a02({ ...v, dept: 'WAI', bed: '3' }))).toMatchObject({
      kind: 'A02',
      departmentCode: 'WAI',
      bedCode: '3',
    });
    expect(ev(a03({ ...v, disposition: '03' }))).toMatchObject({ kind: 'A03', disposition: 'down_referral' });
    expect(ev(a03({ ...v, disposition: '20' }))).toMatchObject({ kind: 'A03', disposition: 'death' });
    expect(ev(a08({ ...v, diagnosis: 'I10' }))).toMatchObject({
      kind: 'A08',
      diagnosisCode: 'I10',
      departmentCode: null,
    });
    expect(ev(a11(v))).toEqual({ kind: 'A11', externalNumber: 'ZY001' });
    expect(ev(a13(v))).toEqual({ kind: 'A13', externalNumber: 'ZY001' });
    expect(
      ev(
        p03({
          ...v,
          lines: [
            { id: 'F1', item: 'DRUG1', quantity: 2, price: '3.5' },
            { id: 'F2', item: 'BED', quantity: -1 },
          ],
        }),
      ),
    ).toMatchObject({
      kind: 'P03',
      lines: [
        { itemCode: 'DRUG1', quantity: 2, unitPriceFen: 350, externalLineId: 'F1' },
        { itemCode: 'BED', quantity: -1, unitPriceFen: null, externalLineId: 'F2' },
      ],
    });
  });
});

describe('ACK', () => {
  it('escapes delimiters in the reason and parses back with the same text', () => {
    const header = looseHeader(a02({ ...v, dept: 'X' }));
    const ack = buildAck(header, 'AE', 'OC1', new Date(0), {
      hl7Code: '207',
      code: 'BED_TAKEN',
      text: '床位 12|A 已占用^请换床',
      severity: 'E',
    });
    const m = Hl7Message.parse(ack);
    expect(m.getSegment('MSA')?.getField(1)?.toString()).toBe('AE');
    expect(m.getSegment('MSA')?.getField(2)?.toString()).toBe('C1');
    expect(m.getSegment('ERR')?.getComponent(5, 1)).toBe('BED_TAKEN');
    expect(ack).toContain(escapeHl7('床位 12|A 已占用^请换床'));
    expect(m.getSegment('MSH')?.getComponent(5, 1)).toBe('HIS'); // back to the sending application
  });
});

describe('MLLP framing', () => {
  it('splits frames across and within chunks', () => {
    const d = new MllpDecoder();
    const a = frame('MSH|A');
    const b = frame('MSH|B');
    const both = Buffer.concat([a, b]);
    expect(d.push(both.subarray(0, 3))).toEqual([]);
    expect(d.push(both.subarray(3, a.length + 2))).toEqual(['MSH|A']);
    expect(d.push(both.subarray(a.length + 2))).toEqual(['MSH|B']);
    expect(d.push(Buffer.from('noise'))).toEqual([]);
    expect(d.push(frame('中文'))).toEqual(['中文']);
  });
});
