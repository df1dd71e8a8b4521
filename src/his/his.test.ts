import { Hl7Message } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { a01, a02, MALFORMED } from './fixtures/simulated-his.ts';
import { hisKit, type HisKit } from './his-test-kit.ts';

/**
 * The HIS interface's storage and answers, through HTTP: every message is a row, answered
 * AA/AE/AR with MSA and ERR; a resend changes nothing and gets the first ACK; a malformed or
 * unmatched message is kept with its reason. The effects themselves: his-events.test.ts.
 */
let env: TestEnv;
let kit: HisKit;

beforeAll(async () => {
  env = await createTestEnv();
  kit = await hisKit(env);
});
afterAll(async () => {
  await env?.close();
});

const parseAck = (ack: string) => {
  const m = Hl7Message.parse(ack);
  return {
    code: m.getSegment('MSA')?.getField(1)?.toString(),
    controlId: m.getSegment('MSA')?.getField(2)?.toString(),
    errCode: m.getSegment('ERR')?.getComponent(5, 1) ?? '',
    errText: m.getSegment('ERR')?.getComponent(5, 2) ?? '',
    hl7Code: m.getSegment('ERR')?.getComponent(3, 1) ?? '',
    severity: m.getSegment('ERR')?.getField(4)?.toString() ?? '',
  };
};

describe('HTTP senders', () => {
  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const before = (await kit.rows()).length;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/his/messages',
      headers: { 'content-type': 'text/plain', 'x-his-facility': kit.facility, authorization: 'Bearer wrong' },
      payload: a02({ facility: kit.facility, controlId: 'AUTH1', visitNumber: 'V1', at: '20261201080000', dept: 'X' }),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('HIS_UNAUTHENTICATED');
    expect((await kit.rows()).length).toBe(before);
  });

  it('refuses a message whose MSH-4 is another facility than the authenticated sender (AR, stored)', async () => {
    const r = await kit.send(
      a02({ facility: 'OTHER', controlId: 'MIS1', visitNumber: 'V1', at: '20261201080000', dept: 'X' }),
    );
    expect(r.status).toBe(200);
    expect(parseAck(r.ack)).toMatchObject({ code: 'AR', controlId: 'MIS1', errCode: 'SENDER_MISMATCH' });
    const [row] = await kit.rows(`id = ${r.messageId}`);
    expect(row).toMatchObject({ status: 'error', error_code: 'SENDER_MISMATCH', ack_code: 'AR' });
  });
});

describe('malformed messages', () => {
  it.each([
    ['not HL7 at all', MALFORMED.notHl7, 'MALFORMED', '100'],
    ['a broken segment', MALFORMED.badSegment('RMYY-HIS', 'BAD1'), 'MALFORMED', '100'],
    ['an unsupported message type', MALFORMED.unsupported('RMYY-HIS', 'BAD2'), 'UNSUPPORTED_TYPE', '200'],
    ['a required field missing', MALFORMED.noVisitNumber('RMYY-HIS', 'BAD3'), 'MISSING_FIELD', '101'],
  ])('%s → AR with the reason in MSA and ERR, stored raw with its error, no effect', async (_label, raw, code, hl7) => {
    const r = await kit.send(raw);
    const ack = parseAck(r.ack);
    expect(ack.code).toBe('AR');
    expect(ack.errCode).toBe(code);
    expect(ack.hl7Code).toBe(hl7);
    expect(ack.errText).toMatch(/[\u4e00-\u9fa5]/); // a Chinese reason
    const [row] = await kit.rows(`id = ${r.messageId}`);
    expect(row).toMatchObject({ status: 'error', error_code: code, raw, ack: r.ack, applied_at: null });
  });

  it('a message without a control id cannot be deduplicated: each copy is stored and answered AR', async () => {
    const a = await kit.send(MALFORMED.noControlId);
    const b = await kit.send(MALFORMED.noControlId);
    expect([parseAck(a.ack).code, parseAck(b.ack).code]).toEqual(['AR', 'AR']);
    expect(a.messageId).not.toBe(b.messageId);
    expect((await kit.rows(`id IN (${a.messageId}, ${b.messageId})`)).map((r) => r.error_code)).toEqual([
      'MISSING_FIELD',
      'MISSING_FIELD',
    ]);
  });
});

describe('resident matching', () => {
  it('an unknown ID number is held (AA with a warning), listed for matching, then applied after matching', async () => {
    const unknown = '110101199003074514'; // valid check digit, nobody in the tiny county
    const raw = a01({
      facility: kit.facility,
      controlId: 'HELD1',
      visitNumber: 'ZY-HELD-1',
      at: '20261201090000',
      dept: kit.departments[0],
      patient: { idNumber: unknown, name: '外县人' },
    });
    const r = await kit.send(raw);
    expect(parseAck(r.ack)).toMatchObject({ code: 'AA', errCode: 'UNKNOWN_RESIDENT', severity: 'W' });
    const held = await kit.admin.get('/api/his/messages?status=held');
    expect(held.statusCode).toBe(200);
    expect(held.json().items.map((i: { id: number }) => i.id)).toContain(r.messageId);

    // the raw view masks the ID number
    const detail = (await kit.admin.get(`/api/his/messages/${r.messageId}`)).json();
    expect(detail.raw).not.toContain(unknown);
    expect(detail.raw).toContain('1101**********4514');

    // matching to someone who is not a resident is refused and changes nothing
    const wrong = await kit.admin.post(`/api/his/messages/${r.messageId}/match`, { idNumber: unknown });
    expect(wrong.statusCode).toBe(404);
    expect((await kit.rows(`id = ${r.messageId}`))[0].status).toBe('held');

    const resident = kit.residents[0];
    const matched = await kit.admin.post(`/api/his/messages/${r.messageId}/match`, { idNumber: resident.idNumber });
    expect(matched.statusCode).toBe(200);
    const [row] = await kit.rows(`id = ${r.messageId}`);
    expect(row.status).not.toBe('held');
    expect(row.resident_id).toBe(resident.id);
    expect(matched.json().status).toBe(row.status);
    // matching again: it is no longer held
    expect(
      (await kit.admin.post(`/api/his/messages/${r.messageId}/match`, { idNumber: resident.idNumber })).statusCode,
    ).toBe(409);
  });

  it('an ID number with a wrong check digit is held too, with that reason', async () => {
    const r = await kit.send(
      a01({
        facility: kit.facility,
        controlId: 'HELD2',
        visitNumber: 'ZY-HELD-2',
        at: '20261201090000',
        dept: kit.departments[0],
        patient: { idNumber: '110101199003074515', name: '校验错' },
      }),
    );
    expect(parseAck(r.ack).code).toBe('AA');
    const [row] = await kit.rows(`id = ${r.messageId}`);
    expect(row.status).toBe('held');
    expect(String(row.error_text)).toContain('校验位');
  });
});

describe('resends', () => {
  it('the same message twice: the second changes nothing and gets the same ACK, kept as a duplicate row', async () => {
    const raw = MALFORMED.unsupported(kit.facility, 'DUP-1');
    const first = await kit.send(raw);
    const second = await kit.send(raw);
    expect(second.ack).toBe(first.ack);
    const rows = await kit.rows(`control_id = 'DUP-1'`);
    expect(rows.map((r) => r.status)).toEqual(['error', 'duplicate']);
    expect(rows[1].duplicate_of).toBe(rows[0].id);
    expect(rows[0].attempts).toBe(1);
  });
});

describe('interface page', () => {
  it('shows per-sender counts, last message and lag; an admin registers senders, others may not', async () => {
    const o = await kit.admin.get('/api/his/overview');
    expect(o.statusCode).toBe(200);
    const mine = o.json().senders.find((s: { facility: string }) => s.facility === kit.facility);
    const rows = await kit.rows(`sender_id = ${kit.senderId}`);
    expect(mine.received).toBe(rows.length);
    expect(mine.held).toBe(rows.filter((r) => r.status === 'held').length);
    expect(mine.error).toBe(rows.filter((r) => r.status === 'error').length);
    expect(mine.lastReceivedAt).not.toBeNull();
    const doctor = await env.login('county.doctor');
    expect((await doctor.get('/api/his/overview')).statusCode).toBe(403);
    const dup = await kit.admin.post('/api/his/senders', { facility: kit.facility, name: '重复', orgId: kit.orgId });
    expect(dup.statusCode).toBe(409);
  });

  it('a disabled sender is refused over HTTP (403) until enabled again', async () => {
    expect((await kit.admin.patch(`/api/his/senders/${kit.senderId}`, { active: false })).statusCode).toBe(200);
    const r = await kit.send(MALFORMED.unsupported(kit.facility, 'OFF-1'));
    expect(r.status).toBe(403);
    expect((await kit.admin.patch(`/api/his/senders/${kit.senderId}`, { active: true })).statusCode).toBe(200);
  });
});
