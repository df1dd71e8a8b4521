import { createHash } from 'node:crypto';
import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope } from '../platform/db.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import * as aq from './attachment.queries.ts';
import { MAX_ATTACHMENT_BYTES, type AttachmentType } from './attachment.schema.ts';
import * as q from './referral.queries.ts';
import type { AttachmentMeta } from './referral.schema.ts';
import { found, loadVisible, publishChange } from './referral.service.ts';
import { toAttachment } from './referral.view.ts';

/** The bytes decide the type, never the name or the declared header. */
export function sniff(data: Buffer): AttachmentType | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  return null;
}

/** control characters and what file systems forbid in a name */
const unsafeInName = (c: string) => c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c);

function cleanName(name: string, mime: AttachmentType): string {
  const base =
    Array.from(name, (c) => (unsafeInName(c) ? '_' : c))
      .join('')
      .trim()
      .slice(0, 100) || '附件';
  const ext = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' }[mime];
  return /\.(pdf|jpe?g|png)$/i.test(base) ? base : base + ext;
}

export async function upload(
  ctx: Ctx,
  referralId: number,
  filename: string,
  declared: string | undefined,
  body: unknown,
): Promise<AttachmentMeta> {
  if (!Buffer.isBuffer(body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请直接上传 PDF、JPEG 或 PNG 文件内容');
  if (body.length === 0) throw badRequest('EMPTY_FILE', '文件为空，请重新选择');
  if (body.length > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', '文件不能超过 5 MB');
  const mime = sniff(body);
  if (!mime) throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', '只接受 PDF、JPEG 或 PNG 文件（按文件内容识别）');
  const type = (declared ?? '').split(';')[0].trim();
  if (type !== 'application/octet-stream' && type !== mime)
    throw new AppError(415, 'FILE_TYPE_MISMATCH', '文件内容与声明的类型不符');
  return found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const ref = await loadVisible(ctx, trx, referralId, 'referral.attachment.upload');
      if (!ref) return null;
      const row = await aq.insert(trx, {
        county_id: ref.county_id,
        referral_id: referralId,
        filename: cleanName(filename, mime),
        mime,
        size_bytes: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        data: body,
        uploaded_by: ctx.actor.id,
      });
      await q.touch(trx, referralId);
      await writeAudit(trx, ctx.audit, {
        action: 'referral.attachment.upload',
        resource: 'referral_attachment',
        resourceId: row.id,
        residentId: ref.resident_id,
        detail: { referralId, size: body.length, mime },
      });
      await publishChange(trx, ref, ref.status, 'attachment');
      return toAttachment(row);
    }),
  );
}

/** Row-level security on the attachment follows its referral: invisible is 404, audited. */
export async function download(ctx: Ctx, id: number) {
  const file = await withScope(ctx.db, ctx.scope, async (trx) => {
    const row = await aq.findForDownload(trx, id);
    if (!row) {
      await writeAudit(trx, ctx.audit, {
        action: 'referral.attachment.read',
        outcome: 'denied',
        resource: 'referral_attachment',
        resourceId: id,
      });
      return null;
    }
    await writeAudit(trx, ctx.audit, {
      action: 'referral.attachment.read',
      resource: 'referral_attachment',
      resourceId: id,
      residentId: row.resident_id,
      detail: { referralId: row.referral_id },
    });
    return row;
  });
  if (!file) throw notFound('附件');
  return file;
}
