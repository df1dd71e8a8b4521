import { z } from 'zod';
import { idQuery } from '../platform/params.ts';

export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'checked_in', 'completed', 'no_show'] as const;
const id = z.number().int().positive().max(2147483647);

export const bookingCreate = z.object({
  sessionId: id,
  slotId: id.optional().describe('a preferred time; without it the earliest free slot is taken'),
  residentId: id,
  referred: z.boolean().default(false).describe('a referred patient (三优先) may use held slots'),
  referralId: id.nullable().optional(),
});
export type BookingCreate = z.infer<typeof bookingCreate>;

export const booking = z.object({
  id: z.number(),
  sessionId: z.number(),
  slotId: z.number(),
  slotStartsAt: z.string(),
  slotEndsAt: z.string(),
  residentId: z.number(),
  residentName: z.string(),
  status: z.enum(BOOKING_STATUSES),
  channel: z.enum(['staff', 'self', 'waitlist']),
  referred: z.boolean(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  sessionDate: z.string(),
  expertName: z.string().nullable(),
  doctorName: z.string().nullable(),
  orgName: z.string(),
  departmentName: z.string(),
  room: z.string(),
  queueNumber: z.number().nullable(),
});
export type Booking = z.infer<typeof booking>;

export const waitlistEntry = z.object({
  id: z.number(),
  sessionId: z.number(),
  residentId: z.number(),
  residentName: z.string(),
  referred: z.boolean(),
  status: z.enum(['waiting', 'promoted', 'cancelled', 'expired']),
  position: z.number().nullable(),
  createdAt: z.string(),
  bookingId: z.number().nullable(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntry>;

/** a message to a resident about a booking, as the desk sees it: a failed one needs a phone call */
export const bookingMessage = z.object({
  id: z.number(),
  bookingId: z.number(),
  residentId: z.number(),
  kind: z.string(),
  status: z.enum(['sent', 'pending', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type BookingMessage = z.infer<typeof bookingMessage>;

export const sessionBookings = z.object({
  bookings: z.array(booking),
  waitlist: z.array(waitlistEntry),
  messages: z.array(bookingMessage),
});

export const bookingSearch = z.object({
  residentId: idQuery(),
});

export const waitlistCreate = z.object({ sessionId: id, residentId: id, referred: z.boolean().default(false) });
export type WaitlistCreate = z.infer<typeof waitlistCreate>;

export const cancelBody = z.object({
  reason: z.string().trim().min(2, '请填写取消原因').max(100, '原因不能超过 100 个字'),
});
export type CancelBody = z.infer<typeof cancelBody>;

export const noShowResult = z.object({ booking, suspended: z.boolean(), noShowsInWindow: z.number() });
