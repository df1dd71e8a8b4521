import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditContext } from '../platform/audit.ts';
import { withScope } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import * as his from './his-events.service.ts';

let env: TestEnv;
let orgId: number;
let dept: { id: number; code: string };
let dept2: { id: number; code: string };
let residents: number[];
let audit: AuditContext;

const t = (s: string) => new Date(`${s}+08:00`);

/** as the his feature calls: its own transaction, the scope widened to the sending org */
function inHis<T>(fn: (trx: TestEnv['db']) => Promise<T>): Promise<T> {
  return withScope(env.db, { userId: 0, orgIds: [orgId] }, fn);
}

async function fails(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

async function count(sqlText: string): Promise<number> {
  const rows = await env.asOwner(sqlText);
  return Number(Object.values(rows[0])[0]);
}

beforeAll(async () => {
  env = await createTestEnv();
  const [hospital] = await env.asOwner(
    `SELECT o.id FROM orgs o WHERE o.kind = 'county_hospital' AND o.county_id = ${env.countyId}
       AND (SELECT count(*) FROM departments d WHERE d.org_id = o.id) >= 2 ORDER BY o.id LIMIT 1`,
  );
  orgId = Number(hospital.id);
  const ds = await env.asOwner(`SELECT id, code FROM departments WHERE org_id = ${orgId} ORDER BY id LIMIT 2`);
  dept = { id: Number(ds[0].id), code: String(ds[0].code) };
  dept2 = { id: Number(ds[1].id), code: String(ds[1].code) };
  await env.asOwner(`INSERT INTO beds (county_id, org_id, department_id, code) VALUES
    (${env.countyId}, ${orgId}, ${dept.id}, '01'), (${env.countyId}, ${orgId}, ${dept.id}, '02'),
    (${env.countyId}, ${orgId}, ${dept2.id}, '01')`);
  // the seeded list's rows for these two items end where the test's begin
  await env.asOwner(
    `UPDATE charge_prices SET valid_to = '2026-01-01T00:00:00+08' WHERE item_code IN ('BED-GEN', 'DRG-AMLO') AND county_id = ${env.countyId}`,
  );
  await env.asOwner(`INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, valid_to, source_document) VALUES
    (${env.countyId}, 'BED-GEN', 3000, '2026-01-01T00:00:00+08', '2026-07-01T00:00:00+08', '晋医保〔2025〕1号'),
    (${env.countyId}, 'BED-GEN', 3500, '2026-07-01T00:00:00+08', NULL, '晋医保〔2026〕9号'),
    (${env.countyId}, 'DRG-AMLO', 1250, '2026-01-01T00:00:00+08', NULL, '集采目录')`);
  residents = (await env.asOwner(`SELECT id FROM residents WHERE county_id = ${env.countyId} ORDER BY id LIMIT 4`)).map(
    (r) => Number(r.id),
  );
  audit = {
    userId: null,
    username: 'his:HIS-RMYY',
    role: null,
    orgId,
    countyId: env.countyId,
    requestId: 'test',
    ip: '127.0.0.1',
  };
});
afterAll(async () => {
  await env?.close();
});

describe('ADT^A04 registerExternalVisit', () => {
  it('registers once per (org, visit number), with department, diagnosis and TCM flag', async () => {
    const input = {
      orgId,
      residentId: residents[0],
      externalNumber: 'MZ0001',
      departmentCode: dept.code,
      visitAt: t('2026-03-02T09:15:00'),
      diagnosisCode: 'i10',
      tcm: true,
    };
    const a = await inHis((trx) => his.registerExternalVisit(trx, audit, input));
    const b = await inHis((trx) => his.registerExternalVisit(trx, audit, input));
    expect(b.visitId).toBe(a.visitId);
    const [v] = await env.asOwner(`SELECT * FROM visits WHERE id = ${a.visitId}`);
    expect(v).toMatchObject({
      source: 'his',
      tcm: true,
      department_id: dept.id,
      status: 'open',
      visit_day: '2026-03-02',
    });
    expect((v.diagnoses as { code: string }[])[0].code).toBe('I10');
    expect(
      await count(`SELECT count(*) FROM audit_log WHERE action = 'visit.register' AND resource_id = '${a.visitId}'`),
    ).toBe(1);
  });

  it('refuses an unknown department and the same number for another patient, writing nothing', async () => {
    const before = await count(`SELECT count(*) FROM visits`);
    await fails(
      inHis((trx) =>
        his.registerExternalVisit(trx, audit, {
          orgId,
          residentId: residents[1],
          externalNumber: 'MZ0002',
          departmentCode: 'NOPE',
          visitAt: t('2026-03-02T09:20:00'),
        }),
      ),
      'UNKNOWN_DEPARTMENT',
    );
    await fails(
      inHis((trx) =>
        his.registerExternalVisit(trx, audit, {
          orgId,
          residentId: residents[1],
          externalNumber: 'MZ0001',
          departmentCode: dept.code,
          visitAt: t('2026-03-02T09:20:00'),
        }),
      ),
      'EXTERNAL_NUMBER_TAKEN',
    );
    expect(await count(`SELECT count(*) FROM visits`)).toBe(before);
  });

  it('leaves the caller transaction usable after an error (the his feature stores the AE in it)', async () => {
    const stored = await inHis(async (trx) => {
      await fails(
        his.registerExternalVisit(trx, audit, {
          orgId,
          residentId: residents[1],
          externalNumber: 'MZ0003',
          departmentCode: dept.code,
          visitAt: t('2026-03-02T09:20:00'),
          diagnosisCode: 'not a code',
        }),
        'INVALID_DIAGNOSIS',
      );
      const r = await trx.selectFrom('orgs').select('id').where('id', '=', orgId).executeTakeFirstOrThrow();
      return r.id;
    });
    expect(stored).toBe(orgId);
  });
});

describe('ADT^A01/A02/A03/A11/A13 stays', () => {
  it('admits idempotently into a bed; a second patient cannot take the bed', async () => {
    const input = {
      orgId,
      residentId: residents[1],
      externalNumber: 'ZY0001',
      departmentCode: dept.code,
      bedCode: '01',
      admittedAt: t('2026-03-01T10:00:00'),
      diagnosisCode: 'I63.9',
    };
    const a = await inHis((trx) => his.admitExternalStay(trx, audit, input));
    const b = await inHis((trx) => his.admitExternalStay(trx, audit, input));
    expect(b.stayId).toBe(a.stayId);
    expect(await count(`SELECT count(*) FROM stays WHERE external_number = 'ZY0001'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM bed_occupancy WHERE stay_id = ${a.stayId}`)).toBe(1);
    await fails(
      inHis((trx) =>
        his.admitExternalStay(trx, audit, { ...input, residentId: residents[2], externalNumber: 'ZY0002' }),
      ),
      'BED_OCCUPIED',
    );
    expect(await count(`SELECT count(*) FROM stays WHERE external_number = 'ZY0002'`)).toBe(0);
    await fails(
      inHis((trx) =>
        his.admitExternalStay(trx, audit, {
          ...input,
          residentId: residents[2],
          externalNumber: 'ZY0002',
          bedCode: '99',
        }),
      ),
      'UNKNOWN_BED',
    );
  });

  it('the database refuses a second patient in a bed even past the service check', async () => {
    const [bed] = await env.asOwner(`SELECT id FROM beds WHERE department_id = ${dept.id} AND code = '01'`);
    await expect(
      env.asOwner(`INSERT INTO stays (county_id, org_id, resident_id, department_id, bed_id, admitted_at, source)
        VALUES (${env.countyId}, ${orgId}, ${residents[3]}, ${dept.id}, ${Number(bed.id)}, now(), 'local')`),
    ).rejects.toThrow(/occupied/);
  });

  it('transfers department and bed as movement rows and frees the old bed', async () => {
    const r = await inHis((trx) =>
      his.transferExternalStay(trx, audit, {
        orgId,
        externalNumber: 'ZY0001',
        departmentCode: dept2.code,
        bedCode: '01',
        at: t('2026-03-03T08:00:00'),
      }),
    );
    const moves = await env.asOwner(
      `SELECT department_id, to_at FROM stay_movements WHERE stay_id = ${r.stayId} ORDER BY id`,
    );
    expect(moves.map((m) => Number(m.department_id))).toEqual([dept.id, dept2.id]);
    expect(moves[0].to_at).not.toBeNull();
    expect(moves[1].to_at).toBeNull();
    const [old] = await env.asOwner(`SELECT id FROM beds WHERE department_id = ${dept.id} AND code = '01'`);
    expect(await count(`SELECT count(*) FROM bed_occupancy WHERE bed_id = ${Number(old.id)}`)).toBe(0);
    await fails(
      inHis((trx) =>
        his.transferExternalStay(trx, audit, {
          orgId,
          externalNumber: 'ZY9999',
          departmentCode: dept.code,
          at: t('2026-03-06T09:00:00'),
        }),
      ),
      'NOT_FOUND',
    );
  });

  it('discharges with disposition and length of stay; A13 reopens it in its last bed unless taken', async () => {
    const r = await inHis((trx) =>
      his.dischargeExternalStay(trx, audit, {
        orgId,
        externalNumber: 'ZY0001',
        at: t('2026-03-08T09:00:00'),
        disposition: 'home',
        diagnosisCode: 'I63.9',
      }),
    );
    const [s] = await env.asOwner(
      `SELECT status, length_of_stay_days, bed_id, last_bed_id FROM stays WHERE id = ${r.stayId}`,
    );
    expect(s).toMatchObject({ status: 'discharged', length_of_stay_days: 7, bed_id: null });
    await fails(
      inHis((trx) =>
        his.dischargeExternalStay(trx, audit, {
          orgId,
          externalNumber: 'ZY0001',
          at: t('2026-03-09T09:00:00'),
          disposition: 'home',
        }),
      ),
      'INVALID_TRANSITION',
    );
    // A13: back into dept2 bed 01
    await inHis((trx) => his.cancelExternalDischarge(trx, audit, { orgId, externalNumber: 'ZY0001' }));
    const [o] = await env.asOwner(`SELECT status, bed_id, length_of_stay_days FROM stays WHERE id = ${r.stayId}`);
    expect(o).toMatchObject({ status: 'admitted', bed_id: s.last_bed_id, length_of_stay_days: null });
    expect(await count(`SELECT count(*) FROM bed_occupancy WHERE stay_id = ${r.stayId}`)).toBe(1);
    // discharge again, someone else takes the bed, A13 is refused
    await inHis((trx) =>
      his.dischargeExternalStay(trx, audit, {
        orgId,
        externalNumber: 'ZY0001',
        at: t('2026-03-09T09:00:00'),
        disposition: 'home',
      }),
    );
    await inHis((trx) =>
      his.admitExternalStay(trx, audit, {
        orgId,
        residentId: residents[2],
        externalNumber: 'ZY0003',
        departmentCode: dept2.code,
        bedCode: '01',
        admittedAt: t('2026-03-09T11:00:00'),
      }),
    );
    await fails(
      inHis((trx) => his.cancelExternalDischarge(trx, audit, { orgId, externalNumber: 'ZY0001' })),
      'BED_OCCUPIED',
    );
    const [still] = await env.asOwner(`SELECT status FROM stays WHERE id = ${r.stayId}`);
    expect(still.status).toBe('discharged');
  });

  it('A11 cancels an admission only when its charges are refunded, and frees the bed', async () => {
    await inHis((trx) =>
      his.postExternalCharges(trx, audit, {
        orgId,
        externalNumber: 'ZY0003',
        lines: [{ itemCode: 'BED-GEN', quantity: 1, at: t('2026-03-09T12:00:00'), externalLineId: 'FT-1' }],
      }),
    );
    await fails(
      inHis((trx) => his.cancelExternalAdmit(trx, audit, { orgId, externalNumber: 'ZY0003' })),
      'UNREFUNDED_CHARGES',
    );
    await inHis((trx) =>
      his.postExternalCharges(trx, audit, {
        orgId,
        externalNumber: 'ZY0003',
        lines: [{ itemCode: 'BED-GEN', quantity: -1, at: t('2026-03-09T13:00:00'), externalLineId: 'FT-2' }],
      }),
    );
    const r = await inHis((trx) => his.cancelExternalAdmit(trx, audit, { orgId, externalNumber: 'ZY0003' }));
    expect(r.kind).toBe('stay');
    const [s] = await env.asOwner(`SELECT status, bed_id FROM stays WHERE id = ${r.id}`);
    expect(s).toMatchObject({ status: 'cancelled', bed_id: null });
    expect(await count(`SELECT count(*) FROM bed_occupancy WHERE stay_id = ${r.id}`)).toBe(0);
    // a discharged stay cannot be cancelled
    await fails(
      inHis((trx) => his.cancelExternalAdmit(trx, audit, { orgId, externalNumber: 'ZY0001' })),
      'ALREADY_DISCHARGED',
    );
    // A11 on a registration
    const v = await inHis((trx) => his.cancelExternalAdmit(trx, audit, { orgId, externalNumber: 'MZ0001' }));
    expect(v.kind).toBe('visit');
    const [vv] = await env.asOwner(`SELECT status FROM visits WHERE id = ${v.id}`);
    expect(vv.status).toBe('cancelled');
  });
});

describe('ADT^A08 updateExternalEncounter', () => {
  it('corrects the diagnosis and department of an open visit; a closed one is amended', async () => {
    const { visitId } = await inHis((trx) =>
      his.registerExternalVisit(trx, audit, {
        orgId,
        residentId: residents[3],
        externalNumber: 'MZ0100',
        departmentCode: dept.code,
        visitAt: t('2026-03-05T08:00:00'),
        diagnosisCode: 'J06.9',
      }),
    );
    const r = await inHis((trx) =>
      his.updateExternalEncounter(trx, audit, {
        orgId,
        externalNumber: 'MZ0100',
        diagnosisCode: 'J20.9',
        departmentCode: dept2.code,
      }),
    );
    expect(r).toEqual({ kind: 'visit', id: visitId });
    const [v] = await env.asOwner(`SELECT department_id, diagnoses FROM visits WHERE id = ${visitId}`);
    expect(Number(v.department_id)).toBe(dept2.id);
    expect((v.diagnoses as { code: string }[])[0].code).toBe('J20.9');
    await env.asOwner(`UPDATE visits SET status = 'closed', closed_at = now() WHERE id = ${visitId}`);
    await inHis((trx) =>
      his.updateExternalEncounter(trx, audit, { orgId, externalNumber: 'MZ0100', diagnosisCode: 'J18.9' }),
    );
    expect(await count(`SELECT count(*) FROM visit_amendments WHERE visit_id = ${visitId}`)).toBe(1);
  });

  it('updates an open stay, refuses a discharged one', async () => {
    await inHis((trx) =>
      his.admitExternalStay(trx, audit, {
        orgId,
        residentId: residents[3],
        externalNumber: 'ZY0100',
        departmentCode: dept.code,
        admittedAt: t('2026-03-05T10:00:00'),
      }),
    );
    const r = await inHis((trx) =>
      his.updateExternalEncounter(trx, audit, { orgId, externalNumber: 'ZY0100', diagnosisCode: 'K35.8' }),
    );
    expect(r.kind).toBe('stay');
    await fails(
      inHis((trx) =>
        his.updateExternalEncounter(trx, audit, { orgId, externalNumber: 'ZY0001', diagnosisCode: 'I10' }),
      ),
      'INVALID_TRANSITION',
    );
  });
});

describe('DFT^P03 postExternalCharges', () => {
  it('snapshots the price in force at each line’s moment across a price change', async () => {
    const r = await inHis((trx) =>
      his.postExternalCharges(trx, audit, {
        orgId,
        externalNumber: 'ZY0100',
        lines: [
          { itemCode: 'BED-GEN', quantity: 2, at: t('2026-06-30T23:59:00'), externalLineId: 'P-1' },
          { itemCode: 'BED-GEN', quantity: 2, at: t('2026-07-01T00:00:00'), externalLineId: 'P-2' },
          { itemCode: 'drg-amlo', quantity: 1.5, at: t('2026-07-01T00:00:00'), externalLineId: 'P-3' },
          { itemCode: 'OTH-COPY', quantity: 3, at: t('2026-07-01T00:00:00'), unitPriceFen: 50, externalLineId: 'P-4' },
        ],
      }),
    );
    const lines = await env.asOwner(
      `SELECT external_line_id, unit_price_fen, amount_fen::int AS amount, category FROM fee_lines WHERE id IN (${r.lineIds.join(',')}) ORDER BY external_line_id`,
    );
    expect(lines.map((l) => [l.external_line_id, l.unit_price_fen, l.amount])).toEqual([
      ['P-1', 3000, 6000],
      ['P-2', 3500, 7000],
      ['P-3', 1250, 1875],
      ['P-4', 50, 150],
    ]);
    // a later price change rewrites nothing already charged
    await env.asOwner(
      `UPDATE charge_prices SET valid_to = '2026-08-01T00:00:00+08' WHERE item_code = 'DRG-AMLO' AND valid_to IS NULL`,
    );
    await env.asOwner(
      `INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document) VALUES (${env.countyId}, 'DRG-AMLO', 900, '2026-08-01T00:00:00+08', '集采第十批')`,
    );
    const [p3] = await env.asOwner(`SELECT unit_price_fen FROM fee_lines WHERE external_line_id = 'P-3'`);
    expect(p3.unit_price_fen).toBe(1250);
  });

  it('posts a line once however often it is sent', async () => {
    const send = () =>
      inHis((trx) =>
        his.postExternalCharges(trx, audit, {
          orgId,
          externalNumber: 'ZY0100',
          lines: [{ itemCode: 'BED-GEN', quantity: 1, at: t('2026-07-02T00:00:00'), externalLineId: 'P-5' }],
        }),
      );
    const a = await send();
    const b = await send();
    expect(b.lineIds).toEqual(a.lineIds);
    expect(await count(`SELECT count(*) FROM fee_lines WHERE external_line_id = 'P-5'`)).toBe(1);
  });

  it('refuses an unknown item, an item without a price and a line id of another visit, writing nothing', async () => {
    const before = await count(`SELECT count(*) FROM fee_lines`);
    const post = (line: { itemCode: string; externalLineId: string; at?: Date }, ext = 'ZY0100') =>
      inHis((trx) =>
        his.postExternalCharges(trx, audit, {
          orgId,
          externalNumber: ext,
          lines: [
            {
              itemCode: 'BED-GEN',
              quantity: 1,
              at: t('2026-07-03T00:00:00'),
              externalLineId: `ok-${line.externalLineId}`,
            },
            { quantity: 1, at: line.at ?? t('2026-07-03T00:00:00'), ...line },
          ],
        }),
      );
    await fails(post({ itemCode: 'NOPE-1', externalLineId: 'x1' }), 'UNKNOWN_ITEM');
    await fails(post({ itemCode: 'BED-GEN', externalLineId: 'x2', at: t('2024-06-01T00:00:00') }), 'NO_PRICE');
    await fails(post({ itemCode: 'BED-GEN', externalLineId: 'P-5' }, 'MZ0100'), 'FEE_LINE_ELSEWHERE');
    await fails(post({ itemCode: 'BED-GEN', externalLineId: 'x3' }, 'NOPE'), 'NOT_FOUND');
    expect(await count(`SELECT count(*) FROM fee_lines`)).toBe(before);
  });

  it('the price list never has two prices in force for one item at one moment', async () => {
    await expect(
      env.asOwner(
        `INSERT INTO charge_prices (county_id, item_code, price_fen, valid_from, source_document) VALUES (${env.countyId}, 'BED-GEN', 1, '2026-09-01T00:00:00+08', 'x文件')`,
      ),
    ).rejects.toThrow(/overlaps/);
  });
});
