import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { followupBody, managedCase } from '../chronic/chronic-test-kit.ts';
import { bp, registerKit, send } from './kit-test-kit.ts';
import { remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/**
 * Issue 12 §6: kit readings land on the chronic-care follow-up. The village doctor's follow-up
 * takes the visit day's blood pressure and glucose from the kit (one follow-up per reading, the
 * case's own resident, measured that day: all held by the database too), and reviews a flagged one.
 */
const NOW = new Date('2026-03-06T08:00:00Z'); // 16:00 in Shanghai
const at = (minAgo: number) => new Date(NOW.getTime() - minAgo * 60_000);
const TODAY = '2026-03-06';

describe('kit readings on the chronic follow-up', () => {
  let env: TestEnv;
  let w: RemoteWorld;
  let caseId: number;
  beforeAll(async () => {
    env = await createTestEnv({ now: () => NOW });
    w = await remoteWorld(env);
    await registerKit(w, 'KIT-CH01');
    const [neighbour] = await env.asOwner(
      `SELECT id FROM residents WHERE org_id = ${w.ids.villageOrg} AND id <> ${w.ids.resident} ORDER BY id LIMIT 1`,
    );
    caseId = await managedCase({ village: w.village } as never, w.ids.resident, 'htn', '2025-01-10');
    const sent = await send(w.village, 'KIT-CH01', [
      bp('ch-bp-today', w.ids.resident, 186, 112, at(60)),
      {
        readingId: 'ch-glu-today',
        residentId: w.ids.resident,
        kind: 'glucose',
        glucose: 7.8,
        glucoseCtx: 'fasting',
        measuredAt: at(55).toISOString(),
      },
      bp('ch-bp-yesterday', w.ids.resident, 150, 95, at(24 * 60)),
      bp('ch-bp-other', Number(neighbour.id), 140, 90, at(40)),
    ]);
    expect(sent.json<{ stored: number }>().stored, sent.body).toBe(4);
  }, 120_000);
  afterAll(() => env.close());

  const ref = (readingId: string) => ({ deviceId: 'KIT-CH01', readingId });
  const followups = async () =>
    Number((await env.asOwner(`SELECT count(*)::int AS n FROM followups WHERE case_id = ${caseId}`))[0].n);

  it('the case shows the kit readings, newest first, with the day they were measured on', async () => {
    const res = await w.village.get(`/api/chronic/cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const kit = res.json<{ kitReadings: Array<{ readingId: string; measuredOn: string; flagged: boolean }> }>()
      .kitReadings;
    expect(kit.map((k) => k.readingId)).toEqual(['ch-glu-today', 'ch-bp-today', 'ch-bp-yesterday']);
    expect(kit[1]).toMatchObject({ measuredOn: TODAY, flagged: true });
  });

  it('bad references are refused in Chinese and save nothing', async () => {
    const before = await followups();
    const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
      ['another day', { kitReadings: [ref('ch-bp-yesterday')] }, 422, /不是随访当日/],
      ['another resident', { kitReadings: [ref('ch-bp-other')] }, 422, /不是该患者的/],
      ['unknown', { kitReadings: [ref('no-such-reading')] }, 404, /健康一体机读数不存在/],
      ['a typed BP that differs', { sbp: 150, dbp: 90, kitReadings: [ref('ch-bp-today')] }, 422, /不一致/],
    ];
    for (const [what, extra, status, message] of cases) {
      const body = followupBody(caseId, { visitDate: TODAY, sbp: undefined, dbp: undefined, ...extra });
      const res = await w.village.post('/api/chronic/followups', body);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect(res.json<{ message: string }>().message, what).toMatch(message);
    }
    expect(await followups()).toBe(before);
  });

  it("a follow-up takes the visit day's BP, pulse and glucose from the kit and reviews the flagged reading", async () => {
    const body = followupBody(caseId, {
      visitDate: TODAY,
      sbp: undefined,
      dbp: undefined,
      heartRate: undefined,
      kitReadings: [ref('ch-bp-today'), ref('ch-glu-today')],
    });
    const res = await w.village.post('/api/chronic/followups', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ lateEntry: boolean }>().lateEntry).toBe(false);
    // 186/112 is a grade-3 pressure: the rules see the kit's values, not empty fields
    expect(res.json<{ controlled: boolean }>().controlled).toBe(false);
    const [f] = await env.asOwner(
      `SELECT sbp, dbp, heart_rate, fbg_mmol::text AS fbg, form->'glucose' AS glucose FROM followups WHERE id = '${body.id}'`,
    );
    expect(f).toMatchObject({ sbp: 186, dbp: 112, heart_rate: 72, fbg: '7.8' });
    expect(f.glucose).toMatchObject({ kind: 'fasting', value: 7.8, unit: 'mmol/L', sample: 'capillary' });
    const [k] = await env.asOwner(
      `SELECT reviewed_by, reviewed_at FROM kit_readings WHERE device_id = 'KIT-CH01' AND reading_id = 'ch-bp-today'`,
    );
    expect(Number(k.reviewed_by)).toBe(w.ids.villageDoctor);
    expect((k.reviewed_at as Date).toISOString()).toBe(NOW.toISOString());
    const [audit] = await env.asOwner(
      `SELECT detail FROM audit_log WHERE action = 'chronic.followup.create' AND resource_id = '${body.id}'`,
    );
    expect(audit.detail).toMatchObject({ kitReviewed: 1 });
    const detail = await w.village.get(`/api/chronic/cases/${caseId}`);
    const kit = detail.json<{ kitReadings: Array<{ readingId: string; followupDate: string | null }> }>().kitReadings;
    expect(kit.find((x) => x.readingId === 'ch-bp-today')?.followupDate).toBe(TODAY);
    // the resend of the same follow-up (a dropped line) is the same follow-up, not a second use
    const again = await w.village.post('/api/chronic/followups', body);
    expect(again.statusCode, again.body).toBe(200);
  });

  it('a reading serves one follow-up only: the second is refused, by the API and by the database', async () => {
    const before = await followups();
    const second = followupBody(caseId, {
      visitDate: TODAY,
      sbp: undefined,
      dbp: undefined,
      kitReadings: [ref('ch-bp-today')],
    });
    const res = await w.village.post('/api/chronic/followups', second);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ message: string }>().message).toMatch(/已记入 2026-03-06 的随访/);
    expect(await followups()).toBe(before);
    const [first] = await env.asOwner(`SELECT id FROM followups WHERE case_id = ${caseId} LIMIT 1`);
    await expect(
      env.asOwner(
        `INSERT INTO followup_kit_readings (followup_id, device_id, reading_id, county_id, org_id, linked_by)
         VALUES ('${String(first.id)}', 'KIT-CH01', 'ch-bp-yesterday', ${env.countyId}, ${w.ids.villageOrg}, ${w.ids.villageDoctor})`,
      ),
    ).rejects.toThrow(/不是随访当日/);
  });
});
