import { z } from 'zod';

export const TICKET_STATUSES = ['waiting', 'called', 'skipped', 'done'] as const;

export const checkInBody = z.object({
  emergency: z.boolean().default(false).describe('emergency patients are called first'),
});
export type CheckInBody = z.infer<typeof checkInBody>;

export const ticket = z.object({
  id: z.number(),
  sessionId: z.number(),
  bookingId: z.number(),
  number: z.number(),
  residentName: z.string().describe('full name for staff; screens show the masked name'),
  maskedName: z.string(),
  priority: z.number().describe('0 emergency, 1 referred or aged 80+, 2 others'),
  priorityReason: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  room: z.string(),
  checkedInAt: z.string(),
  calledAt: z.string().nullable(),
  callCount: z.number(),
  position: z.number().nullable(),
});
export type Ticket = z.infer<typeof ticket>;

export const checkInResult = ticket.extend({
  token: z.string().describe("the patient's phone page: /q/<token>"),
  url: z.string(),
});

export const queueView = z.object({
  sessionId: z.number(),
  room: z.string(),
  current: ticket.nullable(),
  waiting: z.array(ticket),
  skipped: z.array(ticket),
  done: z.number(),
});
export type QueueView = z.infer<typeof queueView>;

/** What a public screen or phone sees: numbers and masked names only. */
export const publicTicket = z.object({ number: z.number(), maskedName: z.string(), priority: z.number() });
export const boardRoom = z.object({
  sessionId: z.number(),
  room: z.string(),
  doctor: z.string(),
  title: z.string().nullable(),
  current: publicTicket.nullable(),
  next: z.array(publicTicket),
  waiting: z.number(),
  announcement: z.string().nullable(),
  calledAt: z.string().nullable(),
  callCount: z.number(),
});
export const board = z.object({
  screen: z.string(),
  orgName: z.string(),
  departmentName: z.string(),
  date: z.string(),
  rooms: z.array(boardRoom),
  generatedAt: z.string(),
});
export type Board = z.infer<typeof board>;

export const tokenQuery = z.object({
  token: z.string().trim().min(16, '链接无效，请重新扫码').max(100, '链接无效，请重新扫码'),
});

export const ticketStatus = z.object({
  number: z.number(),
  maskedName: z.string(),
  status: z.enum(TICKET_STATUSES),
  position: z.number().nullable().describe('patients before you; 0 means you are next'),
  estimatedWaitMinutes: z.number().nullable(),
  minutesPerPatient: z.number(),
  currentNumber: z.number().nullable(),
  room: z.string(),
  orgName: z.string(),
  departmentName: z.string(),
  doctor: z.string(),
  sessionStartsAt: z.string(),
});
export type TicketStatus = z.infer<typeof ticketStatus>;

export const screenCreate = z.object({
  departmentId: z.number().int().positive().max(2147483647),
  name: z.string().trim().min(1, '请填写屏幕名称').max(40, '名称不能超过 40 个字'),
});
export const screen = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  departmentId: z.number(),
  departmentName: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export const screenWithToken = screen.extend({ token: z.string(), url: z.string() });
