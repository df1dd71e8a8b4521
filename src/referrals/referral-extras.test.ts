import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { checkDigit } from '../residents/id-number.ts';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { createUp, key, referralWorld, type ReferralWorld } from './referral-test-kit.ts';

let env: TestEnv;
let w: ReferralWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

describe('attachments', () => {
  it('PDF/PNG by content, size-checked, served only to those who may see the referral', async () => {
    const { id } = await createUp(w);
    const up = await w.village.request(
      'POST',
      `/api/referrals/${id}/attachments?filename=${encodeURIComponent('心电图.pdf')}`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ filename: '心电图.pdf', mime: 'application/pdf', sizeBytes: PDF.length });
    const png = await w.village.request('POST', `/api/referrals/${id}/attachments?filename=photo`, PNG, {
      'content-type': 'application/octet-stream',
    });
    expect(png.json()).toMatchObject({ filename: 'photo.png', mime: 'image/png' });
    const fake = await w.village.request(
      'POST',
      `/api/referrals/${id}/attachments?filename=x.pdf`,
      Buffer.from('MZ\x90\x00 not a pdf'),
      { 'content-type': 'application/pdf' },
    );
    expect(fake.statusCode).toBe(415);
    const lying = await w.village.request('POST', `/api/referrals/${id}/attachments?filename=x.png`, PDF, {
      'content-type': 'image/png',
    });
    expect(lying.json().code).toBe('FILE_TYPE_MISMATCH');
    const huge = await w.village.request(
      'POST',
      `/api/referrals/${id}/attachments?filename=big.pdf`,
      Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
      { 'content-type': 'application/pdf' },
    );
    expect(huge.statusCode).toBe(413);
    const json = await w.village.post(`/api/referrals/${id}/attachments?filename=a.pdf`, { a: 1 });
    expect(json.statusCode).toBe(415);

    const got = await w.coordinator.get(`/api/referral-attachments/${up.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const denied = await w.otherTownship.get(`/api/referral-attachments/${up.json().id}`);
    expect(denied.statusCode).toBe(404);
    expect(
      (
        await w.otherTownship.request('POST', `/api/referrals/${id}/attachments?filename=a.pdf`, PDF, {
          'content-type': 'application/pdf',
        })
      ).statusCode,
    ).toBe(404);
    const audit = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = 'xiangyi.2' AND action = 'referral.attachment.read' AND outcome = 'denied'`,
    );
    expect(audit[0].n).toBe(1);
    expect((await w.coordinator.get(`/api/referrals/${id}`)).json().attachments).toHaveLength(2);
  });
});

describe('live updates over SSE', () => {
  it('the coordinator sees a new referral appear; another township sees nothing', async () => {
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const read = async (cookie: string, ms: number) => {
      const ac = new AbortController();
      const res = await fetch(`${address}/api/referral-stream`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: ac.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      const until = Date.now() + ms;
      const timer = setTimeout(() => ac.abort(), ms);
      try {
        while (Date.now() < until) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
      } catch {
        /* aborted */
      }
      clearTimeout(timer);
      return text;
    };
    const coordinatorStream = read(w.coordinator.cookie, 1500);
    const otherStream = read(w.otherTownship.cookie, 1500);
    await new Promise((r) => setTimeout(r, 300));
    const { id } = await createUp(w);
    const [mine, other] = await Promise.all([coordinatorStream, otherStream]);
    expect(mine).toContain('event: referral.changed');
    expect(mine).toContain(`"id":${id}`);
    expect(other).not.toContain(`"id":${id}`);
    expect((await w.coordinator.get('/api/referral-stream')).statusCode).toBe(406);
  });
});

describe('一单通 exam orders and 三优先 lists', () => {
  it('ordered at the village, scheduled, performed and reported at the county hospital, result back to the orderer', async () => {
    const catalogue = (await w.village.get('/api/exam-catalogue')).json();
    expect(catalogue.find((c: { code: string }) => c.code === 'ECG-12')).toMatchObject({
      priceFen: 2500,
      mutualRecognition: true,
    });
    const k = key();
    const order = await w.village.post(
      '/api/exam-orders',
      { residentId: w.residentId, itemCode: 'ECG-12', urgency: 'urgent' },
      { 'idempotency-key': k },
    );
    expect(order.statusCode).toBe(201);
    expect(order.json()).toMatchObject({
      status: 'ordered',
      priceFen: 2500,
      recognised: true,
      performingOrg: { id: w.people },
    });
    expect(
      (
        await w.village.post(
          '/api/exam-orders',
          { residentId: w.residentId, itemCode: 'ECG-12', urgency: 'urgent' },
          { 'idempotency-key': k },
        )
      ).json().id,
    ).toBe(order.json().id);
    expect(
      (
        await w.village.post(
          '/api/exam-orders',
          { residentId: w.residentId, itemCode: 'LAB-CBC' },
          { 'idempotency-key': k },
        )
      ).statusCode,
    ).toBe(422);
    const id = order.json().id;
    expect(
      (await w.village.post(`/api/exam-orders/${id}/schedule`, { scheduledAt: '2026-06-01T09:00:00+08:00' }))
        .statusCode,
    ).toBe(403);
    expect((await w.county.post(`/api/exam-orders/${id}/perform`, {})).json()).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'ordered',
    });
    expect(
      (await w.county.post(`/api/exam-orders/${id}/schedule`, { scheduledAt: '2026-06-01T09:00:00+08:00' })).json()
        .status,
    ).toBe('scheduled');
    expect((await w.county.post(`/api/exam-orders/${id}/perform`, {})).json().status).toBe('performed');
    expect(
      (
        await w.county.post(`/api/exam-orders/${id}/report`, {
          resultText: '窦性心律，ST段压低',
          resultFlag: 'abnormal',
        })
      ).json().status,
    ).toBe('reported');
    const mine = (await w.village.get('/api/exam-orders?box=ordered')).json();
    expect(mine.find((o: { id: number }) => o.id === id)).toMatchObject({
      status: 'reported',
      resultText: '窦性心律，ST段压低',
      resultFlag: 'abnormal',
    });
  });

  it('a priority (accepted up-referral) patient is listed before ordinary patients of equal urgency', async () => {
    const ordinary = (
      await w.county.post(
        '/api/exam-orders',
        { residentId: w.residentId, itemCode: 'US-ABD', urgency: 'routine' },
        { 'idempotency-key': key() },
      )
    ).json();
    const { id: refId } = await createUp(w);
    await w.coordinator.post(`/api/referrals/${refId}/accept`, {});
    const prio = (
      await w.county.post(
        '/api/exam-orders',
        { residentId: w.residentId, itemCode: 'US-ABD', urgency: 'routine', referralId: refId },
        { 'idempotency-key': key() },
      )
    ).json();
    expect(prio.priority).toBe(true);
    const list = (await w.county.get('/api/exam-orders?box=performing&status=ordered'))
      .json()
      .filter((o: { urgency: string }) => o.urgency === 'routine');
    expect(list.map((o: { id: number }) => o.id).indexOf(prio.id)).toBeLessThan(
      list.map((o: { id: number }) => o.id).indexOf(ordinary.id),
    );

    const board0 = await w.coordinator.post('/api/beds', { departmentId: w.cardiologyDept, codes: ['01', '02'] });
    expect(board0.statusCode).toBe(201);
    const a1 = (
      await w.county.post('/api/admissions', {
        residentId: w.residentId,
        departmentId: w.cardiologyDept,
        urgency: 'routine',
      })
    ).json();
    const a2 = (
      await w.county.post('/api/admissions', {
        residentId: w.residentId,
        departmentId: w.cardiologyDept,
        urgency: 'routine',
        referralId: refId,
      })
    ).json();
    expect(a2.priority).toBe(true);
    const board = (await w.coordinator.get(`/api/bed-board?departmentId=${w.cardiologyDept}`)).json();
    expect(board.waiting.map((a: { id: number }) => a.id)).toEqual([a2.id, a1.id]);
    const bed = board.beds[0].id;
    const race = await Promise.all([
      w.coordinator.post(`/api/admissions/${a1.id}/admit`, { bedId: bed }),
      w.clerk.post(`/api/admissions/${a2.id}/admit`, { bedId: bed }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await w.coordinator.get(`/api/bed-board?departmentId=${w.cardiologyDept}`)).json();
    expect(after.beds[0].admission).not.toBeNull();
    expect(after.waiting).toHaveLength(1);
  });
});

describe('out-of-county visits', () => {
  it('CSV import is validated row by row; bad rows come back with reasons; a re-import adds nothing', async () => {
    const full = (
      await w.village.post(`/api/residents/${w.residentId}/reveal`, {
        fields: ['idNumber'],
        reason: '县外就诊登记核对',
      })
    ).json().idNumber;
    const stranger = '14078119800101001';
    // dates on the Shanghai calendar, relative to today there: today is allowed, tomorrow is not
    const today = todayInShanghai();
    const csv = [
      '身份证号,就诊日期,医院名称,医院级别,就诊类型,诊断编码,费用(元),原因',
      `${full},${addDays(today, -40)},山西白求恩医院,省级,住院,I63.9,12345.60,家属要求`,
      `${full},${today},北京协和医院,国家级,门诊,,800,复诊`,
      `${full},2026-13-01,某医院,省级,门诊,,,`,
      `${stranger}${checkDigit(stranger)},${addDays(today, -50)},太原市人民医院,市级,门诊,,,`,
      `${full},${addDays(today, -60)},X,火星,急诊,Z99.99,abc,`,
      `${full},${addDays(today, 1)},北京协和医院,国家级,门诊,,,`,
    ].join('\n');
    const res = await w.clerk.post('/api/out-of-county-visits/import', { csv });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 6, imported: 2, duplicates: 0 });
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7]);
    expect(report.rejected[0].reasons).toEqual(['就诊日期应为 YYYY-MM-DD 的有效日期']);
    expect(report.rejected[1].reasons[0]).toMatch(/不是本辖区登记居民/);
    expect(report.rejected[2].reasons.length).toBeGreaterThanOrEqual(4);
    expect(report.rejected[3].reasons).toEqual(['就诊日期不能晚于今天']);
    expect(JSON.stringify(report)).not.toContain(full);
    const again = (await w.clerk.post('/api/out-of-county-visits/import', { csv })).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    const visits = (await w.clerk.get('/api/out-of-county-visits')).json();
    expect(visits.find((v: { hospitalName: string }) => v.hospitalName === '山西白求恩医院')).toMatchObject({
      costFen: 1234560,
      hospitalLevel: 'provincial',
      visitType: 'inpatient',
      source: 'csv',
    });
  });

  it('the dashboard reports each figure with its numerator and denominator', async () => {
    // the default range is the year up to today in Shanghai: the visits imported above are in it
    const res = await (await env.login('bureau')).get('/api/referral-figures');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ to: todayInShanghai(), from: addDays(todayInShanghai(), -365) });
    const figs = Object.fromEntries(res.json().figures.map((f: { key: string }) => [f.key, f]));
    expect(figs.out_of_county_visits).toMatchObject({ numerator: 2 });
    expect(figs.out_of_county_visits.denominator).toBeGreaterThanOrEqual(2);
    expect(figs.down_share.denominator).toBeGreaterThan(0);
    for (const r of res.json().byOrgMonth) if (r.up !== null) expect(r.up).toBeGreaterThanOrEqual(5);
    // the page says "cells under 5 hidden" only to those whose cells are hidden
    expect(res.json().smallCellsSuppressed).toBe(true);
    const admin = (await (await env.login('admin')).get('/api/referral-figures')).json();
    expect(admin.smallCellsSuppressed).toBe(false);
  });

  it('the dashboard counts days and months on the Shanghai calendar', async () => {
    // 2001-06-30 17:30 UTC is 1 July, 01:30 in Shanghai (long before any other referral)
    const { id } = await createUp(w);
    await env.asOwner(`UPDATE referrals SET created_at = '2001-06-30T17:30:00Z' WHERE id = ${id}`);
    const figures = async (from: string, to: string) => {
      const res = await w.coordinator.get(`/api/referral-figures?from=${from}&to=${to}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const ups = body.figures.find((f: { key: string }) => f.key === 'out_of_county_referrals').denominator;
      return { ups, months: body.byOrgMonth.map((r: { month: string }) => r.month) };
    };
    expect(await figures('2001-07-01', '2001-07-01')).toEqual({ ups: 1, months: ['2001-07'] });
    expect(await figures('2001-06-01', '2001-06-30')).toEqual({ ups: 0, months: [] });
  });
});
