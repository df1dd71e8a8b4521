import { z } from 'zod';
import { idQuery } from '../platform/params.ts';
import { listQuery } from '../platform/list.schema.ts';

/** remote diagnosis (issue 12 §2), studies: what the routes take and answer; shared by server and web */

/** one file per upload; a 512×512 CT slice is ~0.5 MB, a 10 s 12-lead aECG ~0.3 MB */
export const MAX_STUDY_BYTES = 20 * 1024 * 1024;
/** the raw body types the upload takes (the bytes decide the format, not the header) */
export const STUDY_BODY_TYPES = [
  'application/octet-stream',
  'application/dicom',
  'application/xml',
  'text/xml',
  'application/pdf',
  'image/jpeg',
  'image/png',
];

export const studyUploadQuery = z.object({
  fileName: z.string().trim().min(1, '请提供文件名').max(200, '文件名不能超过 200 个字'),
  requestId: idQuery('申请编号应为正整数').optional(),
  clientId: z.string().trim().min(8, '提交编号至少 8 个字符').max(100, '提交编号不能超过 100 个字符').optional(),
  deviceAt: z.iso
    .datetime({ offset: true, error: '设备时间应为带时区的时间（ISO 8601）' })
    .transform((s) => new Date(s))
    .optional(),
});
export type StudyUploadQuery = z.infer<typeof studyUploadQuery>;

export const matchBody = z.object({ requestId: z.number({ error: '请选择要关联的申请' }).int().positive() });

export const unmatchedQuery = listQuery;

export interface StudyView {
  id: number;
  requestId: number | null;
  format: 'dicom' | 'aecg' | 'pdf' | 'jpeg' | 'png';
  modality: string | null;
  studyUid: string | null;
  seriesUid: string | null;
  sopUid: string | null;
  instanceNumber: number | null;
  accessionInFile: string | null;
  patientIdInFile: string | null;
  patientName: string | null;
  declaredCharset: string | null;
  meta: Record<string, unknown>;
  sha256: string;
  fileName: string | null;
  uploadedOrgId: number;
  deviceAt: string | null;
  receivedAt: string;
}

export interface IngestResult {
  id: number;
  requestId: number | null;
  duplicate: boolean;
}

export interface WaveformView {
  studyId: number;
  sampleRateHz: number;
  leads: { name: string; samplesUv: number[] }[];
}
