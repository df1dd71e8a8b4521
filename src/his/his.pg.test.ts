import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { a04, p03 } from './fixtures/simulated-his.ts';
import { hisKit, type HisKit } from './his-test-kit.ts';

/**
 * Races on a real server: a HIS that resends on a second connection while the first copy is
 * still being processed. The unique key (MSH-4, MSH-10) makes one copy the original; every
 * other waits for it and answers with its ACK.
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

describe('concurrent copies of one message', () => {
  it('eight copies at once: one original, seven duplicates, one visit, one ACK', async () => {
    const raw = a04({
      facility: kit.facility,
      controlId: 'RACE-1',
      visitNumber: 'MZ-RACE-1',
      at: '20261201080000',
      dept: kit.departments[0],
      patient: { idNumber: kit.residents[6].idNumber, name: kit.residents[6].name },
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => kit.send(raw)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.ack)).size).toBe(1);
    const rows = await kit.rows(`control_id = 'RACE-1'`);
    expect(rows.filter((r) => r.status !== 'duplicate')).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'duplicate')).toHaveLength(7);
    const visits = await env.asOwner(
      `SELECT count(*)::int AS n FROM visits WHERE org_id = ${kit.orgId} AND external_number = 'MZ-RACE-1'`,
    );
    expect(visits[0].n).toBe(rows[0].status === 'applied' ? 1 : 0);
  });

  it('eight copies of a charge at once: its lines and its audit row once; the copies leave nothing behind', async () => {
    const visit = {
      facility: kit.facility,
      visitNumber: 'MZ-RACE-2',
      at: '20261201090000',
      patient: { idNumber: kit.residents[7].idNumber, name: kit.residents[7].name },
    };
    const first = await kit.send(a04({ ...visit, controlId: 'RACE-2A', dept: kit.departments[0] }));
    expect(first.ack).toMatch(/MSA\|AA/);
    const raw = p03({
      ...visit,
      controlId: 'RACE-2B',
      lines: [
        { id: 'FT-R1', item: 'REG-GEN', quantity: 1 },
        { id: 'FT-R2', item: 'DRG-AMLO', quantity: 2 },
      ],
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => kit.send(raw)));
    expect(new Set(answers.map((a) => a.ack)).size).toBe(1);
    expect(answers[0].ack).toMatch(/MSA\|AA/);
    const lines = await env.asOwner(
      `SELECT external_line_id FROM fee_lines WHERE org_id = ${kit.orgId} AND external_line_id IN ('FT-R1', 'FT-R2')`,
    );
    expect(lines).toHaveLength(2);
    const audit = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'fee.post' AND request_id LIKE '%:RACE-2B'`,
    );
    expect(audit[0].n).toBe(1);
  });
});
