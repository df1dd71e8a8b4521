import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import type { KitBatchResult } from './kit.schema.ts';
import { bp, countReadings, ecg, registerKit, send } from './kit-test-kit.ts';
import { remoteWorld, type RemoteWorld } from './remote-test-kit.ts';
import { REMOTE_TOPIC } from './remote.shared.ts';
import { parseAecg } from './formats/aecg.ts';

const NOW = new Date('2026-03-06T08:00:00Z');
const at = (minAgo: number) => new Date(NOW.getTime() - minAgo * 60_000);

describe('village kit ingest (云诊断)', () => {
  let env: TestEnv;
  let w: RemoteWorld;
  beforeAll(async () => {
    env = await createTestEnv({ now: () => NOW });
    w = await remoteWorld(env);
    await registerKit(w, 'KIT-V001');
  }, 120_000);
  afterAll(() => env.close());

  it('a batch sent again after a cut connection stores each reading once and answers "duplicate"', async () => {
    const r = w.ids.resident;
    const readings = [
      bp('retry-bp-1', r, 128, 82, at(30)),
      {
        readingId: 'retry-glu-1',
        residentId: r,
        kind: 'glucose',
        glucose: 6.24,
        glucoseCtx: 'fasting',
        measuredAt: at(29).toISOString(),
      },
      { readingId: 'retry-spo2-1', residentId: r, kind: 'spo2', spo2: 97, pulse: 70, measuredAt: at(28).toISOString() },
    ];
    const first = await send(w.village, 'KIT-V001', readings, 'batch-0001');
    expect(first.statusCode).toBe(200);
    expect(first.json<KitBatchResult>()).toMatchObject({ stored: 3, duplicates: 0, refused: 0 });
    // the answer never arrived: the kit sends the very same batch again
    const again = await send(w.village, 'KIT-V001', readings, 'batch-0001');
    const body = again.json<KitBatchResult>();
    expect(body).toMatchObject({ stored: 0, duplicates: 3, refused: 0 });
    expect(body.items.map((i) => i.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await countReadings(env, 'KIT-V001')).toBe(3);
    const rows = await env.asOwner(
      `SELECT reading_id, glucose::text, measured_at, received_at, staff_id FROM kit_readings
       WHERE device_id = 'KIT-V001' ORDER BY reading_id`,
    );
    // the device's time and the server's are both kept
    expect((rows[0].measured_at as Date).toISOString()).toBe(at(30).toISOString());
    expect((rows[0].received_at as Date).toISOString()).toBe(NOW.toISOString());
    expect(rows.find((x) => x.reading_id === 'retry-glu-1')!.glucose).toBe('6.2');
    expect(Number(rows[0].staff_id)).toBe(w.ids.villageDoctor);
    const [audit] = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'remote.kit.batch' AND resource_id = 'KIT-V001'`,
    );
    expect(Number(audit.n)).toBe(2);
  });

  it('implausible readings are refused item by item with a reason; the others are stored', async () => {
    const r = w.ids.resident;
    const res = await send(w.village, 'KIT-V001', [
      bp('bad-bp-1', r, 400, 90, at(20)),
      bp('ok-bp-2', r, 132, 84, at(19)),
      { readingId: 'bad-glu-1', residentId: r, kind: 'glucose', glucose: 50, measuredAt: at(18).toISOString() },
      { readingId: 'bad-tmp-1', residentId: r, kind: 'temperature', measuredAt: at(18).toISOString() },
      bp('bad-bp-3', r, 80, 90, at(17)),
      bp('other-res-1', w.ids.otherResident, 120, 80, at(16)),
      bp('future-1', r, 120, 80, new Date(NOW.getTime() + 3_600_000)),
      {
        readingId: 'ok-tmp-1',
        residentId: r,
        kind: 'temperature',
        temperature: 36.6,
        measuredAt: at(15).toISOString(),
      },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json<KitBatchResult>();
    expect(body).toMatchObject({ stored: 2, refused: 6 });
    const by = Object.fromEntries(body.items.map((i) => [i.readingId, i]));
    expect(by['bad-bp-1'].reasons).toEqual(['收缩压 400 mmHg 超出可信范围 50–280']);
    expect(by['bad-glu-1'].reasons).toEqual(['血糖 50 mmol/L 超出可信范围 1–35']);
    expect(by['bad-tmp-1'].reasons).toEqual(['缺少体温']);
    expect(by['bad-bp-3'].reasons[0]).toContain('应高于舒张压');
    expect(by['other-res-1'].reasons[0]).toContain('不在本机构管辖范围');
    expect(by['future-1'].reasons[0]).toContain('晚于服务器时间');
    expect(by['ok-bp-2'].status).toBe('stored');
    expect(by['ok-tmp-1'].status).toBe('stored');
    const stored = await env.asOwner(
      `SELECT reading_id FROM kit_readings WHERE reading_id IN ('bad-bp-1','ok-bp-2','bad-glu-1','bad-tmp-1',
         'bad-bp-3','other-res-1','future-1','ok-tmp-1') ORDER BY reading_id`,
    );
    expect(stored.map((s) => s.reading_id)).toEqual(['ok-bp-2', 'ok-tmp-1']);
  });

  it('a malformed batch is refused whole with a Chinese message and stores nothing', async () => {
    const res = await send(w.village, 'KIT-V001', [{ readingId: 'x', residentId: w.ids.resident, kind: 'bp' }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/读数编号|测量时间/);
    const tooMany = await send(
      w.village,
      'KIT-V001',
      Array.from({ length: 201 }, (_, i) => bp(`many-${i}`, w.ids.resident, 120, 80, at(5))),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain('一批最多 200 条读数');
    expect(await countReadings(env, 'KIT-V001')).toBe(5);
  });

  it('readings past an alert threshold are flagged; a doctor reviews them once', async () => {
    const r = w.ids.resident;
    const res = await send(w.village, 'KIT-V001', [
      bp('flag-bp-1', r, 190, 112, at(10)),
      { readingId: 'flag-spo2-1', residentId: r, kind: 'spo2', spo2: 88, measuredAt: at(9).toISOString() },
      bp('calm-bp-1', r, 118, 76, at(8)),
    ]);
    const body = res.json<KitBatchResult>();
    expect(body.flagged).toBe(2);
    const by = Object.fromEntries(body.items.map((i) => [i.readingId, i]));
    expect(by['flag-bp-1'].flagReasons).toEqual(['收缩压 190 mmHg 高于警戒值 180', '舒张压 112 mmHg 高于警戒值 110']);
    expect(by['flag-spo2-1'].flagReasons).toEqual(['血氧饱和度 88 % 低于警戒值 93']);
    expect(by['calm-bp-1'].flagged).toBe(false);

    const flagged = (await w.village.get('/api/remote/kit/flagged')).json<{ items: Array<{ readingId: string }> }>();
    expect(flagged.items.map((i) => i.readingId).sort()).toEqual(['flag-bp-1', 'flag-spo2-1']);
    const review = await w.village.post('/api/remote/kit/readings/KIT-V001/flag-bp-1/review', { note: '已电话随访' });
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({ readingId: 'flag-bp-1', reviewedByName: expect.any(String) });
    expect((await w.village.post('/api/remote/kit/readings/KIT-V001/flag-bp-1/review', {})).statusCode).toBe(409);
    expect((await w.village.post('/api/remote/kit/readings/KIT-V001/calm-bp-1/review', {})).statusCode).toBe(422);
    const after = (await w.village.get('/api/remote/kit/flagged')).json<{ items: Array<{ readingId: string }> }>();
    expect(after.items.map((i) => i.readingId)).toEqual(['flag-spo2-1']);
    // the resident's record, filtered
    const mine = (await w.village.get(`/api/remote/kit/readings?residentId=${r}&kind=bp&flagged=true`)).json<{
      total: number;
      items: Array<{ readingId: string; systolic: number }>;
    }>();
    expect(mine.items.map((i) => i.readingId)).toEqual(['flag-bp-1']);
    expect(mine.items[0].systolic).toBe(190);
  });

  it('an ECG becomes a ready reading request at the people’s hospital with an aECG study, once', async () => {
    const events: Array<{ orgIds: number[]; data: Record<string, unknown> }> = [];
    const off = env.app.platform.events.subscribe(REMOTE_TOPIC.request, (e) => events.push(e));
    const reading = ecg('ecg-12-0001', w.ids.resident, at(5), 12, 76);
    const res = await send(w.village, 'KIT-V001', [reading]);
    const item = res.json<KitBatchResult>().items[0];
    expect(item.status).toBe('stored');
    expect(item.accession).toMatch(/^R260306\d{7}$/);
    const [q] = await env.asOwner(
      `SELECT q.status, q.source, q.centre, q.item_code, q.priority, q.reading_org_id, q.requesting_org_id,
         q.study_arrived_at, q.device_at, s.format, s.request_id, s.uploaded_by, f.bytes, s.sop_uid,
         k.request_id AS k_request, k.study_id AS k_study, s.id AS study_id
       FROM remote_requests q JOIN remote_studies s ON s.request_id = q.id JOIN remote_files f ON f.sha256 = s.sha256
       JOIN kit_readings k ON k.request_id = q.id
       WHERE q.accession = '${item.accession}'`,
    );
    expect(q).toMatchObject({
      status: 'ready',
      source: 'kit',
      centre: 'ecg',
      item_code: 'ECG-12',
      priority: 'routine',
    });
    expect(Number(q.reading_org_id)).toBe(w.ids.peopleOrg);
    expect(Number(q.requesting_org_id)).toBe(w.ids.villageOrg);
    expect(Number(q.uploaded_by)).toBe(w.ids.villageDoctor);
    expect(q.format).toBe('aecg');
    expect(q.k_study).toBe(q.study_id);
    expect((q.study_arrived_at as Date).toISOString()).toBe(NOW.toISOString());
    expect((q.device_at as Date).toISOString()).toBe(at(5).toISOString());
    // the reading centre's aECG reader finds the request, the patient and the twelve leads
    const parsed = parseAecg(new Uint8Array(q.bytes as Buffer));
    expect(parsed.accession).toBe(item.accession);
    expect(parsed.patientId).toBe(String(w.ids.resident));
    expect(parsed.leads.map((l) => l.name)).toHaveLength(12);
    expect(parsed.leads[1].samplesUv.length).toBe(2500);
    expect(parsed.sampleRateHz).toBe(250);
    expect(parsed.uid).toBe(q.sop_uid);
    await new Promise((r) => setTimeout(r, 200));
    off();
    expect(events.some((e) => e.data.accession === item.accession && e.orgIds.includes(w.ids.peopleOrg))).toBe(true);

    // retried: no second request, the same accession answered
    const again = (await send(w.village, 'KIT-V001', [reading])).json<KitBatchResult>().items[0];
    expect(again).toMatchObject({ status: 'duplicate', accession: item.accession });
    const [n] = await env.asOwner(`SELECT count(*)::int AS n FROM remote_requests WHERE source = 'kit'`);
    expect(Number(n.n)).toBe(1);
  });

  it('a single-lead ECG with a fast heart rate becomes an urgent ECG-1 request', async () => {
    const res = await send(w.village, 'KIT-V001', [ecg('ecg-1-0001', w.ids.resident, at(3), 1, 150)]);
    const item = res.json<KitBatchResult>().items[0];
    expect(item.flagReasons).toEqual(['心率 150 次/分 高于警戒值 120']);
    const [q] = await env.asOwner(
      `SELECT item_code, priority FROM remote_requests WHERE accession = '${item.accession}'`,
    );
    expect(q).toMatchObject({ item_code: 'ECG-1', priority: 'urgent' });
    // a waveform that does not match its lead count is refused, nothing made
    const bad = {
      ...ecg('ecg-bad-0001', w.ids.resident, at(2), 12),
      ecg: { leads: 12, sampleRateHz: 250, samplesUv: [[1, 2]] },
    };
    const refused = (await send(w.village, 'KIT-V001', [bad])).json<KitBatchResult>().items[0];
    expect(refused.status).toBe('refused');
    expect(refused.reasons[0]).toContain('导联');
  });

  it('an unknown device, another org’s device and a stopped device are refused', async () => {
    const r = w.ids.resident;
    const unknown = await send(w.village, 'KIT-NOPE', [bp('u-1-0001', r, 120, 80, at(1))]);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('一体机');
    const admin = await env.login('admin');
    expect(
      (await admin.post('/api/remote/kit/devices', { id: 'KIT-OTHER', orgId: w.ids.otherTownshipOrg })).statusCode,
    ).toBe(201);
    const other = await send(w.village, 'KIT-OTHER', [bp('o-1-0001', r, 120, 80, at(1))]);
    expect(other.statusCode).toBe(404);
    expect(await countReadings(env, 'KIT-OTHER')).toBe(0);
    // the township stops its village's kit
    expect((await w.township.patch('/api/remote/kit/devices/KIT-V001', { active: false })).statusCode).toBe(200);
    const stopped = await send(w.village, 'KIT-V001', [bp('s-1-0001', r, 120, 80, at(1))]);
    expect(stopped.statusCode).toBe(409);
    expect((await w.township.patch('/api/remote/kit/devices/KIT-V001', { active: true })).statusCode).toBe(200);
  });

  it('IDOR: another org’s readings, reviews and devices are out of reach', async () => {
    await env.asOwner(
      `INSERT INTO kit_readings (device_id, reading_id, county_id, org_id, resident_id, staff_id, kind, systolic, diastolic,
         flagged, flag_reasons, measured_at, received_at)
       VALUES ('KIT-OTHER', 'idor-0001', ${env.countyId}, ${w.ids.otherTownshipOrg}, ${w.ids.otherResident},
         ${w.ids.townshipDoctor}, 'bp', 200, 100, true, '{x}', now(), now())`,
    );
    for (const c of [w.village, w.township]) {
      expect((await c.post('/api/remote/kit/readings/KIT-OTHER/idor-0001/review', {})).statusCode).toBe(404);
      const list = (await c.get(`/api/remote/kit/readings?residentId=${w.ids.otherResident}`)).json();
      expect(list.total).toBe(0);
      const flagged = (await c.get('/api/remote/kit/flagged?all=true')).json<{ items: Array<{ deviceId: string }> }>();
      expect(flagged.items.every((i) => i.deviceId !== 'KIT-OTHER')).toBe(true);
      const devices = (await c.get('/api/remote/kit/devices')).json<{ items: Array<{ id: string }> }>();
      expect(devices.items.map((d) => d.id)).toEqual(['KIT-V001']);
    }
    expect((await w.township.patch('/api/remote/kit/devices/KIT-OTHER', { active: false })).statusCode).toBe(404);
    const out = await w.township.post('/api/remote/kit/devices', { id: 'KIT-OUT1', orgId: w.ids.otherTownshipOrg });
    expect(out.statusCode).toBe(403);
    expect(
      (await w.village.post('/api/remote/kit/devices', { id: 'KIT-V002', orgId: w.ids.villageOrg })).statusCode,
    ).toBe(403);
    const dup = await w.township.post('/api/remote/kit/devices', { id: 'KIT-V001', orgId: w.ids.villageOrg });
    expect(dup.statusCode).toBe(409);
    const [still] = await env.asOwner(`SELECT reviewed_at FROM kit_readings WHERE reading_id = 'idor-0001'`);
    expect(still.reviewed_at).toBeNull();
  });
});
