import { z } from 'zod';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const uploadQuery = z.object({
  filename: z.string().trim().min(1, '请提供文件名').max(120, '文件名不能超过 120 个字'),
});
