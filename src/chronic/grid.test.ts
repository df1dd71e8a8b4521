import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { fdWorld, managedCase, type FdWorld } from './chronic-test-kit.ts';

/**
 * Grids: a grid member sees only their grid's patients; a home reading past a threshold
 * alerts the village doctor (day list, live stream); limits are settings; the day list.
 */
let env: TestEnv;
let w: FdWorld;
let gridId: number;
let member2: Client;
let grid2: number;
const inGrid: number[] = [];
beforeAll(async () => {
  env = await createTestEnv();
  w = await fdWorld(env);
  const res = await w.village.post('/api/grids', {
    orgId: w.villageOrg,
    name: '宋古村第1网格',
    memberStaffId: w.gridMemberId,
    doctorStaffId: w.villageDoctorId,
  });
  expect(res.statusCode, res.body).toBe(200);
  gridId = res.json().id;
  for (const r of w.residents.slice(0, 4)) {
    await managedCase(w, r.id);
    const add = await w.village.post(`/api/grids/${gridId}/patients`, { residentId: r.id });
    expect(add.statusCode, add.body).toBe(200);
    inGrid.push(r.id);
  }
  // a second grid member in the same village, with a grid of their own
  const staff = await w.admin.post('/api/staff', {
    username: 'wangge.test2',
    displayName: '李网格',
    orgId: w.villageOrg,
    roles: ['grid_member'],
  });
  expect(staff.statusCode, staff.body).toBeLessThan(300);
  await env.asOwner(`UPDATE staff SET must_change_password = false WHERE username = 'wangge.test2'`);
  member2 = await env.login('wangge.test2', staff.json().temporaryPassword);
  const g2 = await w.village.post('/api/grids', {
    orgId: w.villageOrg,
    name: '宋古村第2网格',
    memberStaffId: staff.json().staff.id,
    doctorStaffId: w.villageDoctorId,
  });
  grid2 = g2.json().id;
  await managedCase(w, w.residents[4].id);
  expect((await w.village.post(`/api/grids/${grid2}/patients`, { residentId: w.residents[4].id })).statusCode).toBe(
    200,
  );
});
afterAll(async () => {
  await env?.close();
});

describe('what a grid member sees', () => {
  it('their own grid and patients only, ID numbers and mobiles masked', async () => {
    const mine = (await w.grid.get('/api/grid/mine')).json();
    expect(mine.grid).toMatchObject({ id: gridId, patients: 4 });
    expect(mine.patients.map((p: { residentId: number }) => p.residentId).sort()).toEqual([...inGrid].sort());
    for (const p of mine.patients) expect(p.idNumber).toMatch(/\*{4}/);
    const theirs = (await member2.get('/api/grid/mine')).json();
    expect(theirs.patients.map((p: { residentId: number }) => p.residentId)).toEqual([w.residents[4].id]);
  });

  it("the chronic list shows a grid member their grid's cases; another grid's case is not found", async () => {
    const list = (await w.grid.get('/api/chronic/cases?pageSize=100')).json();
    expect(list.items.map((c: { residentId: number }) => c.residentId).sort()).toEqual([...inGrid].sort());
    const other = Number(
      (await env.asOwner(`SELECT id FROM chronic_cases WHERE resident_id = ${w.residents[4].id}`))[0].id,
    );
    expect((await w.grid.get(`/api/chronic/cases/${other}`)).statusCode).toBe(404);
    // and they cannot record a reading for another grid's patient
    const res = await w.grid.post('/api/grid/readings', {
      id: randomUUID(),
      residentId: w.residents[4].id,
      kind: 'bp',
      sbp: 150,
      dbp: 90,
    });
    expect(res.statusCode).toBe(404);
    // nor reach the village doctor's lists
    expect((await w.grid.get('/api/chronic/day-list')).statusCode).toBe(403);
    expect((await w.grid.get('/api/fd/contracts')).statusCode).toBe(403);
  });
});

describe('home readings and alerts', () => {
  it("185/112 raises an alert on the village doctor's day list; a retry is one reading; handling clears it", async () => {
    const body = {
      id: randomUUID(),
      residentId: inGrid[0],
      kind: 'bp',
      sbp: 185,
      dbp: 112,
      deviceAt: '2026-11-30T08:00:00+08:00',
    };
    const first = await w.grid.post('/api/grid/readings', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ alert: true, reasons: ['收缩压 ≥ 180 mmHg', '舒张压 ≥ 110 mmHg'] });
    expect((await w.grid.post('/api/grid/readings', body)).statusCode).toBe(200);
    expect(
      Number((await env.asOwner(`SELECT count(*)::int AS n FROM grid_readings WHERE id = '${body.id}'`))[0].n),
    ).toBe(1);
    const day = (await w.village.get('/api/chronic/day-list')).json();
    expect(day.alerts.map((a: { id: string }) => a.id)).toContain(body.id);
    expect(day.alerts[0]).toMatchObject({ sbp: 185, dbp: 112, memberName: expect.any(String) });
    expect(day.alerts[0].caseId).toBeGreaterThan(0);
    const todo = (await w.village.get('/api/todo')).json().items.find((i: { key: string }) => i.key === 'grid_alerts');
    expect(todo.count).toBe(1);
    const grids = (await w.village.get('/api/grids')).json();
    expect(grids.items.find((g: { id: number }) => g.id === gridId)).toMatchObject({ open_alerts: 1, patients: 4 });
    expect(
      (await w.village.post(`/api/grid/readings/${body.id}/handle`, { note: '已电话联系，明日来诊' })).statusCode,
    ).toBe(200);
    expect((await w.village.post(`/api/grid/readings/${body.id}/handle`, {})).statusCode).toBe(409);
    expect((await w.village.get('/api/chronic/day-list')).json().alerts).toEqual([]);
  });

  it('a normal reading raises nothing; "needs the doctor" does', async () => {
    const calm = await w.grid.post('/api/grid/readings', {
      id: randomUUID(),
      residentId: inGrid[1],
      kind: 'bp',
      sbp: 132,
      dbp: 84,
    });
    expect(calm.json()).toMatchObject({ alert: false, reasons: [] });
    const obs = await w.grid.post('/api/grid/readings', {
      id: randomUUID(),
      residentId: inGrid[1],
      kind: 'observation',
      symptoms: ['头晕'],
      medicationTaken: false,
      needsDoctor: true,
      note: '连续两天头晕，没按时吃药',
    });
    expect(obs.json()).toMatchObject({ alert: true, reasons: ['网格员请村医处理'] });
    const bad = await w.grid.post('/api/grid/readings', {
      id: randomUUID(),
      residentId: inGrid[1],
      kind: 'bp',
      sbp: 120,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请填写收缩压和舒张压');
  });

  it('the alert reaches an open stream live', async () => {
    const address = await env.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/chronic/stream`, {
      headers: { accept: 'text/event-stream', cookie: w.village.cookie },
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await reader.read();
    const id = randomUUID();
    await w.grid.post('/api/grid/readings', {
      id,
      residentId: inGrid[2],
      kind: 'glucose',
      glucose: 2.8,
      glucoseTiming: 'random',
    });
    const deadline = Date.now() + 10_000;
    while (!text.includes(id) && Date.now() < deadline) {
      const { value } = await reader.read();
      text += decoder.decode(value);
    }
    await reader.cancel();
    expect(text).toContain('"kind":"alert"');
    expect(text).toContain(id);
  });

  it('a weekly exchange log once per week, on a Monday', async () => {
    expect(
      (await w.grid.post('/api/grid/logs', { weekStart: '2026-11-30', attendees: 12, note: '讲解低盐饮食' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await w.grid.post('/api/grid/logs', { weekStart: '2026-11-30', attendees: 9, note: '再记一次' })).statusCode,
    ).toBe(409);
    const tue = await w.grid.post('/api/grid/logs', { weekStart: '2026-12-01', attendees: 9, note: '周二' });
    expect(tue.statusCode).toBe(400);
    expect(tue.body).toContain('周一');
  });
});

describe('limits are settings', () => {
  it('a full grid refuses another patient; a doctor past the grid limit refuses another grid', async () => {
    expect((await w.admin.patch('/api/fd/settings', { gridMaxPatients: 4, doctorMaxGrids: 2 })).statusCode).toBe(200);
    await managedCase(w, w.residents[5].id);
    const full = await w.village.post(`/api/grids/${gridId}/patients`, { residentId: w.residents[5].id });
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toContain('网格已满 4 人');
    const third = await w.village.post('/api/grids', {
      orgId: w.villageOrg,
      name: '宋古村第3网格',
      memberStaffId: w.townshipDoctorId,
      doctorStaffId: w.villageDoctorId,
    });
    expect(third.statusCode).toBe(400);
    expect((await w.village.post(`/api/grids/${gridId}/patients/${inGrid[3]}/remove`)).statusCode).toBe(200);
    expect((await w.village.post(`/api/grids/${gridId}/patients`, { residentId: w.residents[5].id })).statusCode).toBe(
      200,
    );
    expect((await env.asOwner(`SELECT patients FROM grids WHERE id = ${gridId}`))[0].patients).toBe(4);
    // a resident without a chronic case is not a grid patient
    const plain = await w.village.post(`/api/grids/${grid2}/patients`, { residentId: w.residents[9].id });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain('没有在管的慢病档案');
    await w.admin.patch('/api/fd/settings', { gridMaxPatients: 20, doctorMaxGrids: 15 });
  });
});
