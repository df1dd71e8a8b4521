import { z } from 'zod';
import { listQueryWith, pageOf } from '../platform/list.schema.ts';
import { idParam } from '../platform/params.ts';

export { idParam };

export const HIS_STATUSES = ['received', 'applied', 'held', 'error', 'duplicate'] as const;
export const HIS_TYPES = [
  'ADT^A01',
  'ADT^A02',
  'ADT^A03',
  'ADT^A04',
  'ADT^A08',
  'ADT^A11',
  'ADT^A13',
  'DFT^P03',
] as const;

export const senderCreate = z.object({
  facility: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, '机构代码（MSH-4）只能是 1–40 位字母、数字、点、下划线或连字符'),
  name: z.string().trim().min(1, '请填写发送方名称').max(60, '名称不能超过 60 个字'),
  orgId: z.number().int().positive('请选择对应的机构'),
});
export type SenderCreate = z.infer<typeof senderCreate>;

export const senderPatch = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  active: z.boolean().optional(),
  /** a new shared secret, shown once */
  rotateSecret: z.boolean().optional(),
});
export type SenderPatch = z.infer<typeof senderPatch>;

export const sender = z.object({
  id: z.number().int(),
  facility: z.string(),
  name: z.string(),
  orgId: z.number().int(),
  active: z.boolean(),
  /** only when just created or rotated: the shared secret for HTTP (Authorization: Bearer …) */
  secret: z.string().optional(),
});
export type Sender = z.infer<typeof sender>;

export const senderStats = z.object({
  id: z.number().int(),
  facility: z.string(),
  name: z.string(),
  orgId: z.number().int(),
  active: z.boolean(),
  today: z.number().int(),
  received: z.number().int(),
  applied: z.number().int(),
  held: z.number().int(),
  error: z.number().int(),
  duplicates: z.number().int(),
  lastReceivedAt: z.string().nullable(),
  /** received_at − MSH-7, today: median and max, seconds */
  medianLagSeconds: z.number().nullable(),
  maxLagSeconds: z.number().nullable(),
});
export type SenderStats = z.infer<typeof senderStats>;

export const overview = z.object({
  senders: z.array(senderStats),
  /** messages no registered sender could be named for */
  unattributed: z.object({ count: z.number().int(), lastReceivedAt: z.string().nullable() }),
  mllp: z.object({ listening: z.boolean(), port: z.number().int().nullable() }),
});
export type Overview = z.infer<typeof overview>;

export const messageQuery = listQueryWith(['receivedAt']).extend({
  status: z.enum(HIS_STATUSES).optional(),
  senderId: z.coerce.number().int().positive().optional(),
  type: z.enum(HIS_TYPES).optional(),
});
export type MessageQuery = z.infer<typeof messageQuery>;

export const messageItem = z.object({
  id: z.number().int(),
  senderId: z.number().int().nullable(),
  senderName: z.string().nullable(),
  facility: z.string().nullable(),
  controlId: z.string().nullable(),
  type: z.string().nullable(),
  channel: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string(),
  status: z.enum(HIS_STATUSES),
  errorCode: z.string().nullable(),
  errorText: z.string().nullable(),
  matched: z.boolean(),
  externalNumber: z.string().nullable(),
  ackCode: z.string().nullable(),
  attempts: z.number().int(),
  duplicateOf: z.number().int().nullable(),
});
export type MessageItem = z.infer<typeof messageItem>;
export const messagePage = pageOf(messageItem);

export const messageDetail = messageItem.extend({ raw: z.string(), ack: z.string().nullable() });
export type MessageDetail = z.infer<typeof messageDetail>;

export const matchBody = z.object({
  idNumber: z.string().trim().min(1, '请输入居民身份证号'),
});
export type MatchBody = z.infer<typeof matchBody>;

export const replayBody = z.object({
  /** the messages to process again; absent = every held and error message (oldest first, at most 1000) */
  ids: z.array(z.number().int().positive()).max(1000).optional(),
});
export type ReplayBody = z.infer<typeof replayBody>;

export const replayResult = z.object({
  processed: z.number().int(),
  applied: z.number().int(),
  held: z.number().int(),
  error: z.number().int(),
});
export type ReplayResult = z.infer<typeof replayResult>;

export const processed = z.object({
  id: z.number().int(),
  status: z.enum(HIS_STATUSES),
  ackCode: z.string(),
});
