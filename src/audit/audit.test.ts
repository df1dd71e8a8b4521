import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../platform/db.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { generateCounty } from '../seed/seed.ts';
import { sealAudit } from '../platform/audit.ts';
import { verifyChain } from './audit.service.ts';

let env: TestEnv;
let auditor: Client;
beforeAll(async () => {
  env = await createTestEnv();
  auditor = await env.login('auditor');
  // some traffic to audit
  const v = await env.login('village.doctor');
  for (const q of ['zsm', 'zhang', 'li']) await v.get(`/api/residents?q=${q}`);
});
afterAll(async () => {
  await env?.close();
});

const untamper = 'ALTER TABLE audit_log ENABLE TRIGGER audit_no_update';
const tamper = (stmt: string) =>
  env.asOwner(`ALTER TABLE audit_log DISABLE TRIGGER audit_no_update; ${stmt}; ${untamper}`);

describe('audit log', () => {
  it('records who searched which residents, readable by the auditor with filters', async () => {
    const res = await auditor.get('/api/audit?username=village.doctor&action=resident.search');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBe(3);
    expect(items[0]).toMatchObject({
      username: 'village.doctor',
      role: 'village_doctor',
      outcome: 'success',
      requestId: expect.any(String),
      ip: expect.any(String),
    });
    expect(items[2].detail).toMatchObject({ matchedBy: 'pinyin', term: 'zsm' });
  });

  it('pages backwards, newest first; rows written since the first page do not shift the pages', async () => {
    const first = (await auditor.get('/api/audit?pageSize=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(4);
    expect(first.upTo).toBe(first.items[0].id);
    // the first read itself wrote an audit.read row: without upTo it would lead page 2
    const second = (await auditor.get(`/api/audit?pageSize=2&page=2&upTo=${first.upTo}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    expect(second.total).toBe(first.total);
  });

  it('the sealer links rows in id order; even the owner cannot edit a row while the guard trigger is on', async () => {
    expect(await sealAudit(env.db)).toBeGreaterThan(0);
    const rows = (await env.asOwner('SELECT id::int AS id, seq::int AS seq FROM audit_log ORDER BY id')) as Array<{
      id: number;
      seq: number;
    }>;
    expect(rows.every((r, i) => r.seq === i + 1)).toBe(true);
    await expect(env.asOwner(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(env.asOwner(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('the chain verifies on an untouched log', async () => {
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, brokenAtSeq: null });
  });

  it('concurrent audited writes keep one unbroken chain', async () => {
    const clients = await Promise.all(['county.doctor', 'coordinator', 'township.doctor'].map((u) => env.login(u)));
    await Promise.all(Array.from({ length: 30 }, (_, i) => clients[i % 3].get('/api/residents?q=zsm')));
    expect(await verifyChain(env.db)).toMatchObject({ ok: true });
  });

  it('finds a changed row at its exact seq', async () => {
    await sealAudit(env.db);
    const [{ seq }] = (await env.asOwner(
      `SELECT seq::int AS seq FROM audit_log WHERE action = 'resident.search' ORDER BY seq LIMIT 1`,
    )) as Array<{ seq: number }>;
    await tamper(`UPDATE audit_log SET username = 'someone.else' WHERE seq = ${seq}`);
    const res = (await auditor.get('/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, brokenAtSeq: seq, problem: expect.stringContaining('被修改') });
    await tamper(`UPDATE audit_log SET username = 'village.doctor' WHERE seq = ${seq}`);
    expect(await verifyChain(env.db)).toMatchObject({ ok: true });
  });

  it('finds a deleted row at the row after the gap, and deleted newest rows at the tail', async () => {
    await sealAudit(env.db);
    const [{ seq }] = (await env.asOwner(
      `SELECT seq::int AS seq FROM audit_log WHERE action = 'auth.login' ORDER BY seq OFFSET 2 LIMIT 1`,
    )) as Array<{ seq: number }>;
    await tamper(`DELETE FROM audit_log WHERE seq = ${seq}`);
    expect(await verifyChain(env.db)).toMatchObject({
      ok: false,
      brokenAtSeq: seq + 1,
      problem: expect.stringContaining('缺失'),
    });
    const tail = await env.createIsolated();
    try {
      await tail.login('auditor');
      await sealAudit(tail.db);
      const [{ max }] = (await tail.asOwner('SELECT max(seq)::int AS max FROM audit_log')) as Array<{ max: number }>;
      await tail.asOwner(
        `ALTER TABLE audit_log DISABLE TRIGGER audit_no_update; DELETE FROM audit_log WHERE seq = ${max}; ${untamper}`,
      );
      expect(await verifyChain(tail.db)).toMatchObject({
        ok: false,
        brokenAtSeq: max,
        problem: expect.stringContaining('链尾'),
      });
    } finally {
      await tail.close();
    }
  });

  it('non-auditors cannot read the log', async () => {
    const admin = await env.login('admin');
    expect((await admin.get('/api/audit')).statusCode).toBe(403);
  });
});

describe('npm run audit:verify', () => {
  it('prints OK on a whole chain and the first broken row after tampering (exit 1)', async () => {
    if (env.kind !== 'pglite') return; // the CLI is exercised once, on the embedded database
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-audit-'));
    const db = await openPglite(dir);
    await generateCounty(db.db, { profile: 'tiny', seed: 3, password: 'Cli-Test-Pass-1' });
    await db.db
      .insertInto('audit_log')
      .values(
        [1, 2, 3].map((i) => ({
          action: `test.${i}`,
          outcome: 'success' as const,
          county_id: null,
          user_id: null,
          username: 'cli',
          role: null,
          org_id: null,
          resource: null,
          resource_id: null,
          resident_id: null,
          request_id: null,
          ip: null,
          detail: null,
        })),
      )
      .execute();
    await db.close();
    const run = promisify(execFile);
    const opts = { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' } };
    const ok = await run('npx', ['tsx', 'src/audit/audit-verify.cli.ts'], opts);
    expect(ok.stdout).toContain('OK');
    const again = await openPglite(dir);
    await again.db.connection().execute(async (conn) => {
      const { sql } = await import('kysely');
      await sql
        .raw(
          `RESET ROLE; ALTER TABLE audit_log DISABLE TRIGGER audit_no_update; UPDATE audit_log SET action = 'forged' WHERE seq = 2; ${untamper}`,
        )
        .execute(conn);
    });
    await again.close();
    const broken = await run('npx', ['tsx', 'src/audit/audit-verify.cli.ts'], opts).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect('code' in broken && broken.code).toBe(1);
    expect(broken.stderr).toContain('seq=2');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
