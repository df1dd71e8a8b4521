import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiGet, apiSend } from '../../web/api.ts';
import { pageOf } from '../../platform/list.schema.ts';

/** remote studies (issue 12 §2): the typed reads and writes of /api/remote/studies */
export const STUDIES_KEY = ['remote', 'studies'] as const;

export const studyView = z.object({
  id: z.number(),
  requestId: z.number().nullable(),
  format: z.enum(['dicom', 'aecg', 'pdf', 'jpeg', 'png']),
  modality: z.string().nullable(),
  studyUid: z.string().nullable(),
  seriesUid: z.string().nullable(),
  sopUid: z.string().nullable(),
  instanceNumber: z.number().nullable(),
  accessionInFile: z.string().nullable(),
  patientIdInFile: z.string().nullable(),
  patientName: z.string().nullable(),
  declaredCharset: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  sha256: z.string(),
  fileName: z.string().nullable(),
  uploadedOrgId: z.number(),
  deviceAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type Study = z.infer<typeof studyView>;

export const waveformView = z.object({
  studyId: z.number(),
  sampleRateHz: z.number(),
  leads: z.array(z.object({ name: z.string(), samplesUv: z.array(z.number()) })),
});
export type WaveformData = z.infer<typeof waveformView>;

export const ingestResult = z.object({ id: z.number(), requestId: z.number().nullable(), duplicate: z.boolean() });
export type IngestAnswer = z.infer<typeof ingestResult>;

export const unmatchedPage = pageOf(studyView.extend({ uploadedOrgName: z.string().nullable() }));

export const fileUrl = (studyId: number) => `/api/remote/studies/${studyId}/file`;

/** a study is an ECG when it carries a waveform (DICOM ECG or aECG) */
export const isWaveform = (s: Study): boolean =>
  s.format === 'aecg' || s.meta.waveform === true || s.modality === 'ECG';

export function useRequestStudies(requestId: number | null | undefined) {
  return useQuery({
    queryKey: [...STUDIES_KEY, 'request', requestId],
    queryFn: () => apiGet(`/api/remote/requests/${requestId}/studies`, z.array(studyView)),
    enabled: typeof requestId === 'number',
  });
}

export function useWaveform(studyId: number) {
  return useQuery({
    queryKey: [...STUDIES_KEY, 'waveform', studyId],
    queryFn: () => apiGet(`/api/remote/studies/${studyId}/waveform`, waveformView),
    staleTime: Infinity,
  });
}

/** the original bytes of a study (the image viewer parses DICOM in the browser) */
export async function fetchStudyBytes(studyId: number): Promise<Uint8Array> {
  const res = await fetch(fileUrl(studyId), { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `HTTP ${res.status}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** one file as the raw body; the bytes decide the format on the server */
export async function uploadStudyFile(
  file: File,
  csrf: string,
  opts: { requestId?: number; clientId?: string } = {},
): Promise<IngestAnswer> {
  const q = new URLSearchParams({ fileName: file.name });
  if (opts.requestId) q.set('requestId', String(opts.requestId));
  if (opts.clientId) q.set('clientId', opts.clientId);
  const res = await fetch(`/api/remote/studies?${q.toString()}`, {
    method: 'POST',
    body: file,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf, accept: 'application/json' },
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new ApiError(
      res.status,
      typeof body.code === 'string' ? body.code : `HTTP_${res.status}`,
      typeof body.message === 'string' ? body.message : `HTTP ${res.status}`,
    );
  return ingestResult.parse(body);
}

export const matchStudyToRequest = (studyId: number, requestId: number) =>
  apiSend('POST', `/api/remote/studies/${studyId}/match`, { requestId }, ingestResult);
