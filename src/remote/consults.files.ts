import type { Ctx } from '../platform/context.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { writeAudit } from '../platform/audit.ts';
import { CONSULT_FILE_MAX_BYTES } from './consults.schema.ts';
import { detailIn } from './consults.service.ts';
import { loadConsult, recordStep, sideOf } from './consults.shared.ts';
import { inScope, nowOf, storeFile } from './remote.shared.ts';

/** 远程会诊 attachments (issue 12 §5): PDF, JPEG, PNG and DICOM, stored once by SHA-256. */

const MIME_EXT: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/dicom': '.dcm',
};

/** the bytes decide the type, never the name or the declared header */
export function sniffConsultFile(data: Buffer): string | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  // DICOM Part 10: a 128-byte preamble, then "DICM"
  if (data.length >= 132 && data.subarray(128, 132).toString('latin1') === 'DICM') return 'application/dicom';
  return null;
}

const unsafeInName = (c: string) => c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c);

function cleanName(name: string, mime: string): string {
  const base =
    Array.from(name, (c) => (unsafeInName(c) ? '_' : c))
      .join('')
      .trim()
      .slice(0, 180) || '附件';
  return /\.(pdf|jpe?g|png|dcm)$/i.test(base) ? base : base + MIME_EXT[mime];
}

const OPEN_STATUSES = ['applied', 'accepted', 'scheduled', 'held', 'opinion_signed', 'decided'];

export async function addFile(ctx: Ctx, consultId: number, filename: string, body: unknown) {
  if (!Buffer.isBuffer(body))
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请直接上传 PDF、JPEG、PNG 或 DICOM 文件内容');
  if (body.length === 0) throw badRequest('EMPTY_FILE', '文件为空，请重新选择');
  if (body.length > CONSULT_FILE_MAX_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', '单个附件不能超过 8 MB');
  const mime = sniffConsultFile(body);
  if (!mime) throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', '只接受 PDF、JPEG、PNG 或 DICOM 文件（按文件内容识别）');
  return inScope(ctx, async (trx) => {
    const r = await loadConsult(trx, ctx, consultId);
    if (!r) throw notFound('远程会诊');
    const side = await sideOf(ctx, r);
    if (side === 'viewer') throw new AppError(403, 'FORBIDDEN', '只有会诊双方可以添加附件');
    if (!OPEN_STATUSES.includes(r.status)) throw conflict('CONSULT_ENDED', '会诊已结束、取消或被拒绝，不能再添加附件');
    const sha = await storeFile(trx, r.county_id, body, mime);
    const added = await trx
      .insertInto('remote_consult_files')
      .values({
        consult_id: r.id,
        sha256: sha,
        county_id: r.county_id,
        file_name: cleanName(filename, mime),
        added_by: ctx.actor.id,
        added_at: nowOf(ctx),
      })
      .onConflict((oc) => oc.columns(['consult_id', 'sha256']).doNothing())
      .returning('sha256')
      .executeTakeFirst();
    // the same file twice is one attachment: nothing more to log
    if (added) {
      const other =
        side === 'requesting'
          ? { orgId: r.invited_org_id, staffId: r.invited_staff_id }
          : { orgId: r.requesting_org_id, staffId: r.requesting_staff_id };
      await recordStep(trx, ctx, r, {
        action: 'file_added',
        from: r.status,
        to: r.status,
        version: r.version,
        note: cleanName(filename, mime),
        notify: { ...other, body: `${ctx.actor.displayName} 添加附件：${cleanName(filename, mime)}` },
        detail: { sha256: sha, size: body.length, mime },
      });
    }
    return { created: Boolean(added), sha256: sha, consult: await detailIn(trx, ctx, r) };
  });
}

/** a file of a consultation the caller can see; any other is 404, and the attempt is audited */
export async function downloadFile(ctx: Ctx, consultId: number, sha: string) {
  const file = await inScope(ctx, async (trx) => {
    const row = await trx
      .selectFrom('remote_consult_files as f')
      .innerJoin('remote_consults as c', 'c.id', 'f.consult_id')
      .innerJoin('remote_files as b', 'b.sha256', 'f.sha256')
      .select(['f.file_name', 'b.mime', 'b.bytes', 'c.resident_id'])
      .where('f.consult_id', '=', consultId)
      .where('f.sha256', '=', sha)
      .executeTakeFirst();
    await writeAudit(trx, ctx.audit, {
      action: 'remote.consult.file.read',
      outcome: row ? 'success' : 'denied',
      resource: 'remote_consult',
      resourceId: consultId,
      residentId: row?.resident_id ?? null,
      detail: { sha256: sha },
    });
    return row;
  });
  if (!file) throw notFound('会诊附件');
  return { filename: file.file_name, mime: file.mime, data: Buffer.from(file.bytes) };
}
