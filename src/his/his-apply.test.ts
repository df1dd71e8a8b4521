import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { a01, a02, a03, a04, a08, a11, a13, p03, type VisitRef } from './fixtures/simulated-his.ts';
import { hisKit, type HisKit } from './his-test-kit.ts';

/**
 * Each HL7 event, sent as the HIS sends it, reaches visits, stays and fee lines through the
 * care feature; a resend changes nothing; a refused effect (AE) leaves nothing half-written
 * and applies on replay once the cause is fixed; cancels undo what they cancel.
 */
let env: TestEnv;
let kit: HisKit;
let dept: string;
let dept2: string;
let n = 0;

beforeAll(async () => {
  env = await createTestEnv();
  kit = await hisKit(env);
  const ds = await env.asOwner(`SELECT id, code FROM departments WHERE org_id = ${kit.orgId} ORDER BY id LIMIT 2`);
  dept = String(ds[0].code);
  dept2 = String(ds[1].code);
  await env.asOwner(`INSERT INTO beds (county_id, org_id, department_id, code) VALUES
    (${env.countyId}, ${kit.orgId}, ${Number(ds[0].id)}, 'H01'), (${env.countyId}, ${kit.orgId}, ${Number(ds[0].id)}, 'H02'),
    (${env.countyId}, ${kit.orgId}, ${Number(ds[1].id)}, 'H01')`);
});
afterAll(async () => {
  await env?.close();
});

/** a fresh control id per message */
const ref = (visitNumber: string, at: string, residentIndex?: number): VisitRef => ({
  facility: kit.facility,
  controlId: `T${++n}`,
  visitNumber,
  at,
  ...(residentIndex === undefined
    ? {}
    : { patient: { idNumber: kit.residents[residentIndex].idNumber, name: kit.residents[residentIndex].name } }),
});

const msaCode = (ack: string) => /MSA\|(\w+)/.exec(ack)?.[1];
const one = async (text: string) => (await env.asOwner(text))[0];

describe('ADT and DFT applied', () => {
  it('A04 registers an outpatient visit (TCM flag, diagnosis); A11 cancels it', async () => {
    const r = await kit.send(a04({ ...ref('MZ-1', '20261201080000', 1), dept, diagnosis: 'J06.9', tcm: true }));
    expect(msaCode(r.ack)).toBe('AA');
    const visit = await one(`SELECT * FROM visits WHERE org_id = ${kit.orgId} AND external_number = 'MZ-1'`);
    expect(visit).toMatchObject({ resident_id: kit.residents[1].id, tcm: true, status: 'open', source: 'his' });
    expect(JSON.stringify(visit.diagnoses)).toContain('J06.9');
    const c = await kit.send(a11(ref('MZ-1', '20261201090000')));
    expect(msaCode(c.ack)).toBe('AA');
    expect((await one(`SELECT status FROM visits WHERE id = ${Number(visit.id)}`)).status).toBe('cancelled');
  });

  it('A01 admits to a bed, A02 moves it, A08 updates the diagnosis, P03 charges once however often sent, A03 discharges, A13 reopens', async () => {
    const admit = await kit.send(a01({ ...ref('ZY-1', '20261201080000', 2), dept, bed: 'H01', diagnosis: 'J18.9' }));
    expect(msaCode(admit.ack)).toBe('AA');
    const stayQ = `SELECT s.*, b.code AS bed_code FROM stays s LEFT JOIN beds b ON b.id = s.bed_id WHERE s.org_id = ${kit.orgId} AND s.external_number = 'ZY-1'`;
    expect(await one(stayQ)).toMatchObject({ status: 'admitted', bed_code: 'H01', resident_id: kit.residents[2].id });

    expect(msaCode((await kit.send(a02({ ...ref('ZY-1', '20261202080000'), dept: dept2, bed: 'H01' }))).ack)).toBe(
      'AA',
    );
    const moved = await one(stayQ);
    expect(moved.bed_code).toBe('H01');
    expect(Number(moved.department_id)).toBe(
      Number((await one(`SELECT id FROM departments WHERE org_id = ${kit.orgId} AND code = '${dept2}'`)).id),
    );

    expect(msaCode((await kit.send(a08({ ...ref('ZY-1', '20261202090000'), diagnosis: 'J15.9' }))).ack)).toBe('AA');

    const charge = p03({
      ...ref('ZY-1', '20261202100000'),
      lines: [
        { id: 'FT-1', item: 'BED-GEN', quantity: 2 },
        { id: 'FT-2', item: 'DRG-AMLO', quantity: 1, price: '12.50' },
      ],
    });
    const first = await kit.send(charge);
    const again = await kit.send(charge);
    expect(msaCode(first.ack)).toBe('AA');
    expect(again.ack).toBe(first.ack);
    const lines = await env.asOwner(
      `SELECT external_line_id, quantity::float8 AS q, unit_price_fen FROM fee_lines WHERE org_id = ${kit.orgId} AND external_line_id LIKE 'FT-%' ORDER BY 1`,
    );
    expect(lines.map((l) => [l.external_line_id, l.q])).toEqual([
      ['FT-1', 2],
      ['FT-2', 1],
    ]);
    expect(lines[1].unit_price_fen).toBe(1250);

    expect(msaCode((await kit.send(a03({ ...ref('ZY-1', '20261205080000'), disposition: '01' }))).ack)).toBe('AA');
    expect(await one(stayQ)).toMatchObject({ status: 'discharged', disposition: 'home', bed_id: null });

    expect(msaCode((await kit.send(a13(ref('ZY-1', '20261205090000')))).ack)).toBe('AA');
    expect(await one(stayQ)).toMatchObject({ status: 'admitted', bed_code: 'H01' });
  });

  it('A11 on a stay with charges is refused (AE, nothing changed); after a refund it cancels the stay and frees the bed', async () => {
    await kit.send(a01({ ...ref('ZY-2', '20261201080000', 3), dept, bed: 'H02' }));
    await kit.send(p03({ ...ref('ZY-2', '20261201090000'), lines: [{ id: 'FT-21', item: 'BED-GEN', quantity: 1 }] }));
    const refused = await kit.send(a11(ref('ZY-2', '20261201100000')));
    expect(msaCode(refused.ack)).toBe('AE');
    const [row] = await kit.rows(`id = ${refused.messageId}`);
    expect(row.status).toBe('error');
    const stayQ = `SELECT status, bed_id FROM stays WHERE org_id = ${kit.orgId} AND external_number = 'ZY-2'`;
    expect((await one(stayQ)).status).toBe('admitted');

    await kit.send(p03({ ...ref('ZY-2', '20261201110000'), lines: [{ id: 'FT-22', item: 'BED-GEN', quantity: -1 }] }));
    const replay = await kit.admin.post('/api/his/replay', { ids: [refused.messageId] });
    expect(replay.json()).toMatchObject({ processed: 1, applied: 1 });
    expect(await one(stayQ)).toMatchObject({ status: 'cancelled', bed_id: null });
    const [after] = await kit.rows(`id = ${refused.messageId}`);
    expect(after).toMatchObject({ status: 'applied', ack_code: 'AA', attempts: 2 });
  });

  it('a charge refused after part of it was written (a line id already on another stay): AE, none of its lines kept, the resend gets the same AE', async () => {
    expect(msaCode((await kit.send(a01({ ...ref('ZY-5', '20261201080000', 7), dept }))).ack)).toBe('AA');
    expect(msaCode((await kit.send(a01({ ...ref('ZY-6', '20261201080000', 8), dept }))).ack)).toBe('AA');
    await kit.send(p03({ ...ref('ZY-5', '20261201090000'), lines: [{ id: 'FT-51', item: 'BED-GEN', quantity: 1 }] }));
    // FT-60 is new and is written first; FT-51 belongs to ZY-5, so the whole message is refused
    const msg = p03({
      ...ref('ZY-6', '20261201100000'),
      lines: [
        { id: 'FT-60', item: 'BED-GEN', quantity: 1 },
        { id: 'FT-51', item: 'BED-GEN', quantity: 1 },
      ],
    });
    const refused = await kit.send(msg);
    expect(msaCode(refused.ack)).toBe('AE');
    expect(refused.ack).toContain('FT-51');
    expect(
      await env.asOwner(`SELECT id FROM fee_lines WHERE org_id = ${kit.orgId} AND external_line_id = 'FT-60'`),
    ).toEqual([]);
    const [row] = await kit.rows(`id = ${refused.messageId}`);
    expect(row).toMatchObject({ status: 'error', ack_code: 'AE', error_code: 'FEE_LINE_ELSEWHERE' });
    const again = await kit.send(msg);
    expect(again.ack).toBe(refused.ack);
    expect(await kit.rows(`control_id = '${/\|(T\d+)\|/.exec(msg)?.[1]}' AND status = 'error'`)).toHaveLength(1);
  });

  it('an unknown department: AE with the reason, no stay at all; after the department exists, replay applies it', async () => {
    const r = await kit.send(a01({ ...ref('ZY-3', '20261201080000', 4), dept: 'NEWDEPT' }));
    expect(msaCode(r.ack)).toBe('AE');
    expect(r.ack).toMatch(/ERR\|/);
    expect(await env.asOwner(`SELECT id FROM stays WHERE org_id = ${kit.orgId} AND external_number = 'ZY-3'`)).toEqual(
      [],
    );
    await env.asOwner(
      `INSERT INTO departments (county_id, org_id, code, name) VALUES (${env.countyId}, ${kit.orgId}, 'NEWDEPT', '新科室')`,
    );
    const replay = await kit.admin.post('/api/his/replay', {});
    expect(replay.statusCode).toBe(200);
    expect((await kit.rows(`id = ${r.messageId}`))[0].status).toBe('applied');
    expect(
      (await one(`SELECT status FROM stays WHERE org_id = ${kit.orgId} AND external_number = 'ZY-3'`)).status,
    ).toBe('admitted');
  });

  it('a held admission is applied after matching: the stay belongs to the matched resident', async () => {
    const r = await kit.send(
      a01({
        ...ref('ZY-4', '20261201080000'),
        dept,
        patient: { idNumber: '110101199003074514', name: '未建档' },
      }),
    );
    expect((await kit.rows(`id = ${r.messageId}`))[0].status).toBe('held');
    expect(await env.asOwner(`SELECT id FROM stays WHERE org_id = ${kit.orgId} AND external_number = 'ZY-4'`)).toEqual(
      [],
    );
    const m = await kit.admin.post(`/api/his/messages/${r.messageId}/match`, { idNumber: kit.residents[5].idNumber });
    expect(m.json()).toMatchObject({ status: 'applied', ackCode: 'AA' });
    expect(
      await one(`SELECT resident_id FROM stays WHERE org_id = ${kit.orgId} AND external_number = 'ZY-4'`),
    ).toMatchObject({ resident_id: kit.residents[5].id });
  });
});
