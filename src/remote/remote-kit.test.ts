import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

describe('remote diagnosis: the database keeps the turnaround table and the test world', () => {
  let env: TestEnv;
  let w: RemoteWorld;
  beforeAll(async () => {
    env = await createTestEnv({ now: () => new Date('2026-03-06T08:00:00Z') });
    w = await remoteWorld(env);
  }, 120_000);
  afterAll(() => env.close());

  it('a stat ECG is due in 10 minutes, a routine outpatient CT in 4 working hours across the weekend', async () => {
    // Friday 16:00 Shanghai
    const fri = new Date('2026-03-06T08:00:00Z');
    const ecg = await insertRequest(env, w, { priority: 'stat', requestedAt: fri });
    const ct = await insertRequest(env, w, { centre: 'imaging', item: 'IMG-CT-HEAD', requestedAt: fri });
    const rows = await env.asOwner(
      `SELECT id, due_at, accession FROM remote_requests WHERE id IN (${ecg.id}, ${ct.id}) ORDER BY id`,
    );
    expect((rows[0].due_at as Date).toISOString()).toBe('2026-03-06T08:10:00.000Z');
    // one hour on Friday (16:00–17:00), three on Monday from 08:00 → Monday 11:00 Shanghai
    expect((rows[1].due_at as Date).toISOString()).toBe('2026-03-09T03:00:00.000Z');
    expect(ecg.accession).toMatch(/^R260306\d{7}$/);
    expect(ecg.accession).not.toBe(ct.accession);
    expect(w.ids.reader2).not.toBe(w.ids.reader);
    expect(w.ids.otherResident).toBeGreaterThan(0);
  });

  it('the working-time limits follow the calendar: the Spring Festival is off, a 调休 Saturday is worked', async () => {
    // Friday 2026-02-13 16:00 Shanghai: one hour that day, then Saturday the 14th is a 调休 working day
    const ct = await insertRequest(env, w, {
      centre: 'imaging',
      item: 'IMG-CT-HEAD',
      requestedAt: new Date('2026-02-13T08:00:00Z'),
    });
    // Thursday 2026-02-12 10:00: four working days are the 13th, the 14th (调休), then after the holiday the 24th and 25th
    const histo = await insertRequest(env, w, {
      centre: 'pathology',
      item: 'PATH-HISTO',
      requestedAt: new Date('2026-02-12T02:00:00Z'),
    });
    const due = async (id: number) =>
      ((await env.asOwner(`SELECT due_at FROM remote_requests WHERE id = ${id}`))[0].due_at as Date).toISOString();
    expect(await due(ct.id)).toBe('2026-02-14T03:00:00.000Z');
    expect(await due(histo.id)).toBe('2026-02-25T02:00:00.000Z');
  });

  it('the administrator keeps the calendar; a bad day or a 调休 on a weekday is refused and changes nothing', async () => {
    const admin = await env.login('admin');
    const year = await admin.get('/api/remote/calendar?year=2026');
    expect(year.statusCode, year.body).toBe(200);
    const days = year.json<Array<{ day: string; working: boolean; name: string }>>();
    expect(days.filter((d) => d.name === '春节' && !d.working)).toHaveLength(9);
    // a county's own day off (e.g. a local festival) moves a due time that falls on it
    const put = await admin.put('/api/remote/calendar/2026-03-10', { working: false, name: '县庆' });
    expect(put.statusCode, put.body).toBe(200);
    // Monday 2026-03-09 16:00 + 4 working hours: 1 h Monday, Tuesday off, 3 h Wednesday → 11:00 on the 11th
    const ct = await insertRequest(env, w, {
      centre: 'imaging',
      item: 'IMG-CT-HEAD',
      requestedAt: new Date('2026-03-09T08:00:00Z'),
    });
    const [row] = await env.asOwner(`SELECT due_at FROM remote_requests WHERE id = ${ct.id}`);
    expect((row.due_at as Date).toISOString()).toBe('2026-03-11T03:00:00.000Z');
    const [audit] = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'remote.calendar.set' AND resource_id = '2026-03-10'`,
    );
    expect(Number(audit.n)).toBe(1);

    const before = await env.asOwner(`SELECT count(*)::int AS n FROM work_calendar`);
    for (const [url, body, message] of [
      ['/api/remote/calendar/2026-02-30', { working: false, name: '假' }, /日期不存在/],
      ['/api/remote/calendar/2026-03-11', { working: true, name: '调休' }, /本来就上班/],
      ['/api/remote/calendar/2026-03-12', { working: false, name: '' }, /请填写名称/],
    ] as const) {
      const res = await admin.put(url, body);
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.json<{ message: string }>().message).toMatch(message);
    }
    expect(await env.asOwner(`SELECT count(*)::int AS n FROM work_calendar`)).toEqual(before);
    const village = await w.village.put('/api/remote/calendar/2026-03-12', { working: false, name: '休' });
    expect(village.statusCode).toBe(403);
    const cleared = await admin.request('DELETE', '/api/remote/calendar/2026-03-10');
    expect(cleared.statusCode, cleared.body).toBe(200);
  });
});
