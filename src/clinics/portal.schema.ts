import { z } from 'zod';
import { isoDate } from '../platform/params.ts';
import { booking, waitlistEntry } from './booking.schema.ts';

const idNumber = z.string().trim().min(15, '请填写 18 位身份证号').max(30, '身份证号应为 18 位');
const mobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位数字，以 1 开头');

export const codeRequest = z.object({ idNumber, mobile });
export type CodeRequest = z.infer<typeof codeRequest>;
export const codeSent = z.object({
  sent: z.boolean(),
  message: z.string(),
  demoCode: z.string().optional().describe('embedded demo county and console channel only (PORTAL_DEMO_CODES)'),
});

export const verifyRequest = z.object({
  idNumber,
  mobile,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '验证码为 6 位数字'),
});
export type VerifyRequest = z.infer<typeof verifyRequest>;
export const portalLogin = z.object({ token: z.string(), expiresAt: z.string(), maskedName: z.string() });

export const portalHeaders = z.object({ 'x-portal-token': z.string().max(200).optional() });

export const portalMe = z.object({
  maskedName: z.string(),
  suspendedUntil: z.string().nullable(),
  bookings: z.array(booking),
  waitlist: z.array(waitlistEntry),
});

export const portalBookingCreate = z.object({
  sessionId: z.number().int().positive().max(2147483647),
  slotId: z.number().int().positive().max(2147483647).optional(),
});
export type PortalBookingCreate = z.infer<typeof portalBookingCreate>;

export const portalSessionSearch = z.object({
  from: isoDate().optional(),
  q: z.string().trim().max(30).optional().describe('expert, speciality or department'),
  kind: z.enum(['expert', 'ordinary']).optional(),
});
export const portalCancel = z.object({ reason: z.string().trim().max(100, '原因不能超过 100 个字').optional() });
export const portalWaitlist = z.object({ sessionId: z.number().int().positive().max(2147483647) });
