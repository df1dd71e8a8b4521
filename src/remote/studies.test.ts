import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { createTestEnv } from '../platform/test-helpers.ts';
import { writeAecg } from './formats/aecg.ts';
import { newDicomUid, writeDicomEcg } from './formats/dicom-write.ts';
import { synthEcg } from './formats/ecg-synth.ts';
import { headCtSeries } from './formats/phantom.ts';
import { jpegBaselineDicom } from './fixtures/jpeg-dicom.ts';
import { insertRequest, remoteWorld, type RemoteWorld } from './remote-test-kit.ts';

/** Studies (issue 12 §2) through HTTP against the real schema: formats, names, matching, duplicates, arrival, IDOR. */

let clock = new Date('2026-03-04T02:00:00Z'); // Wednesday 10:00 Shanghai
let env: TestEnv;
let w: RemoteWorld;
let other: Client; // a doctor of another township
let idNumber: string;
let residentName: string;

const LEADS = synthEcg({ leads: 12, seconds: 2, sampleRateHz: 250, heartRate: 70, pattern: 'inferior_stemi' });

function ecgDicom(o: {
  patientId: string;
  accession?: string;
  name?: string | Uint8Array;
  charset?: string;
  sop?: string;
}) {
  return writeDicomEcg({
    leads: LEADS,
    sampleRateHz: 250,
    patientId: o.patientId,
    patientName: o.name,
    specificCharacterSet: o.charset,
    accession: o.accession,
    studyUid: newDicomUid(),
    seriesUid: newDicomUid(),
    sopUid: o.sop ?? newDicomUid(),
  });
}

const upload = (c: Client, bytes: Uint8Array, query = '') =>
  c.request('POST', `/api/remote/studies?fileName=ecg.dcm${query}`, Buffer.from(bytes), {
    'content-type': 'application/octet-stream',
  });

const count = async (table: string) => Number((await env.asOwner(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await remoteWorld(env);
  const [res] = await env.asOwner(`SELECT id_number, name FROM residents WHERE id = ${w.ids.resident}`);
  idNumber = String(res.id_number);
  residentName = String(res.name);
  const [o] = await env.asOwner(
    `UPDATE staff SET must_change_password = false WHERE id = (SELECT id FROM staff
       WHERE org_id = ${w.ids.otherTownshipOrg} AND 'township_doctor' = ANY(roles) ORDER BY id LIMIT 1)
     RETURNING username`,
  );
  other = await env.login(String(o.username));
}, 120_000);
afterAll(() => env.close());

describe('ingest', () => {
  it('reads a GBK name under ISO_IR 100, matches by accession and ID, and serves 12 leads', async () => {
    const req = await insertRequest(env, w, { status: 'awaiting_study' });
    const bytes = ecgDicom({
      patientId: idNumber,
      accession: req.accession,
      name: Uint8Array.from(iconv.encode('张三丰', 'gbk')),
      charset: 'ISO_IR 100',
    });
    const up = await upload(w.village, bytes);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ requestId: req.id, duplicate: false });
    const list = await w.reader.get(`/api/remote/requests/${req.id}/studies`);
    expect(list.json()).toMatchObject([
      {
        format: 'dicom',
        modality: 'ECG',
        patientName: '张三丰',
        declaredCharset: 'ISO_IR 100',
        accessionInFile: req.accession,
      },
    ]);
    const wave = await w.reader.get(`/api/remote/studies/${up.json().id}/waveform`);
    expect(wave.statusCode, wave.body).toBe(200);
    const body = wave.json<{ sampleRateHz: number; leads: { name: string; samplesUv: number[] }[] }>();
    expect(body.sampleRateHz).toBe(250);
    expect(body.leads.map((l) => l.name)).toEqual(LEADS.map((l) => l.name));
    expect(body.leads[2].samplesUv).toHaveLength(500);
    const file = await w.village.get(`/api/remote/studies/${up.json().id}/file`);
    expect(file.headers['content-type']).toBe('application/dicom');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
  });

  it('the same SOP instance: same bytes are a duplicate, other bytes are refused and nothing changes', async () => {
    const req = await insertRequest(env, w);
    const sop = newDicomUid();
    const first = ecgDicom({ patientId: idNumber, accession: req.accession, sop });
    const a = await upload(w.village, first);
    expect(a.statusCode, a.body).toBe(201);
    const [studies, files] = [await count('remote_studies'), await count('remote_files')];
    const again = await upload(w.village, first);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: a.json().id, requestId: req.id, duplicate: true });
    const changed = ecgDicom({ patientId: idNumber, accession: req.accession, sop, name: 'Other^Bytes' });
    const refused = await upload(w.village, changed);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SOP_INSTANCE_EXISTS' });
    expect(refused.json().message).toMatch(/SOP/);
    expect([await count('remote_studies'), await count('remote_files')]).toEqual([studies, files]);
  });

  it('a study for a request awaiting it makes the request ready, due from the arrival', async () => {
    const requestedAt = new Date(clock.getTime() - 3600_000);
    const req = await insertRequest(env, w, { status: 'awaiting_study', requestedAt });
    clock = new Date(clock.getTime() + 60_000);
    const aecg = writeAecg({
      leads: LEADS,
      sampleRateHz: 250,
      start: clock,
      patientId: String(w.ids.resident),
      accession: req.accession,
    });
    const up = await w.village.request(
      'POST',
      `/api/remote/studies?fileName=ecg.xml&requestId=${req.id}`,
      Buffer.from(aecg),
      {
        'content-type': 'application/xml',
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    const [row] = await env.asOwner(
      `SELECT status, study_arrived_at, due_at FROM remote_requests WHERE id = ${req.id}`,
    );
    expect(row.status).toBe('ready');
    expect((row.study_arrived_at as Date).toISOString()).toBe(clock.toISOString());
    expect((row.due_at as Date).toISOString()).toBe(new Date(clock.getTime() + 30 * 60_000).toISOString());
    const [audit] = await env.asOwner(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'remote.request.study_arrived' AND resource_id = '${req.id}'`,
    );
    expect(audit.n).toBe(1);
    const wave = await w.township.get(`/api/remote/studies/${up.json().id}/waveform`);
    expect(wave.json<{ leads: unknown[] }>().leads).toHaveLength(12);
  });

  it('takes a JPEG-baseline (compressed) ultrasound image as DICOM and records its transfer syntax', async () => {
    const req = await insertRequest(env, w, { status: 'awaiting_study' });
    const bytes = jpegBaselineDicom({ patientId: idNumber, accession: req.accession });
    const up = await upload(w.village, bytes);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ requestId: req.id, duplicate: false });
    const list = await w.reader.get(`/api/remote/requests/${req.id}/studies`);
    expect(list.json()).toMatchObject([
      {
        format: 'dicom',
        modality: 'US',
        meta: { transferSyntax: '1.2.840.10008.1.2.4.50', rows: 64, cols: 64 },
      },
    ]);
    const file = await w.reader.get(`/api/remote/studies/${up.json().id}/file`);
    expect(Buffer.compare(file.rawPayload, Buffer.from(bytes))).toBe(0);
  });

  it('refuses what is not a study with a Chinese 422 and stores nothing', async () => {
    const before = await count('remote_studies');
    const r = await upload(w.village, new TextEncoder().encode('MZ this is an exe, not an ECG'));
    expect(r.statusCode).toBe(422);
    expect(r.json().message).toMatch(/不支持的文件格式/);
    expect(await count('remote_studies')).toBe(before);
  });
});

describe('matching', () => {
  it('never by name: a file with the resident’s name but another ID waits unmatched', async () => {
    const req = await insertRequest(env, w, { status: 'awaiting_study' });
    const byName = await upload(
      w.village,
      ecgDicom({ patientId: '999999', name: residentName, charset: 'ISO_IR 192' }),
    );
    expect(byName.json()).toMatchObject({ requestId: null, duplicate: false });
    const wrongId = await upload(
      w.village,
      ecgDicom({ patientId: '999999', accession: req.accession, name: residentName, charset: 'ISO_IR 192' }),
    );
    expect(wrongId.json().requestId).toBeNull();
    const [row] = await env.asOwner(`SELECT status FROM remote_requests WHERE id = ${req.id}`);
    expect(row.status).toBe('awaiting_study');
    const list = await w.reader.get('/api/remote/studies/unmatched?pageSize=100');
    const ids = list.json<{ items: { id: number }[] }>().items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([byName.json().id, wrongId.json().id]));
    // an explicit request with another accession in the file is refused
    const clash = await upload(
      w.village,
      ecgDicom({ patientId: idNumber, accession: 'R000000WRONG' }),
      `&requestId=${req.id}`,
    );
    expect(clash.statusCode).toBe(422);
    expect(clash.json().code).toBe('ACCESSION_MISMATCH');
    // the centre matches by hand; then the request is ready
    const m = await w.reader.post(`/api/remote/studies/${byName.json().id}/match`, { requestId: req.id });
    expect(m.statusCode, m.body).toBe(200);
    const [after] = await env.asOwner(`SELECT status FROM remote_requests WHERE id = ${req.id}`);
    expect(after.status).toBe('ready');
    const again = await w.reader.post(`/api/remote/studies/${byName.json().id}/match`, { requestId: req.id + 1000 });
    expect(again.statusCode).toBe(409);
  });

  it('by patient ID alone when exactly one request awaits a study at that centre', async () => {
    const req = await insertRequest(env, w, { centre: 'imaging', item: 'IMG-CT-HEAD', status: 'awaiting_study' });
    const [slice] = headCtSeries({ patientId: idNumber, slices: 1, size: 32 });
    const up = await upload(w.village, slice.bytes);
    expect(up.json()).toMatchObject({ requestId: req.id });
    const manual = await upload(w.village, ecgDicom({ patientId: String(w.ids.otherResident) }));
    expect(manual.json().requestId).toBeNull();
    const refused = await w.reader.post(`/api/remote/studies/${manual.json().id}/match`, { requestId: req.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('PATIENT_ID_MISMATCH');
  });
});

describe('IDOR: another township sees none of it', () => {
  it('404 on the studies, file and waveform routes; no upload into the request; not in its unmatched list', async () => {
    const req = await insertRequest(env, w);
    const up = await upload(w.village, ecgDicom({ patientId: idNumber, accession: req.accession }));
    const id = up.json<{ id: number }>().id;
    for (const url of [
      `/api/remote/requests/${req.id}/studies`,
      `/api/remote/studies/${id}/file`,
      `/api/remote/studies/${id}/waveform`,
    ])
      expect((await other.get(url)).statusCode, url).toBe(404);
    const into = await upload(other, ecgDicom({ patientId: idNumber }), `&requestId=${req.id}`);
    expect(into.statusCode).toBe(404);
    const lone = await upload(w.village, ecgDicom({ patientId: '123' }));
    const list = await other.get('/api/remote/studies/unmatched?pageSize=100');
    expect(list.json<{ items: { id: number }[] }>().items.map((i) => i.id)).not.toContain(lone.json().id);
    expect((await other.post(`/api/remote/studies/${lone.json().id}/match`, { requestId: req.id })).statusCode).toBe(
      403,
    );
    // the requesting org itself sees its own
    expect((await w.village.get(`/api/remote/studies/${id}/waveform`)).statusCode).toBe(200);
  });
});
