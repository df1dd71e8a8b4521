import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { pageOf } from '../../platform/list.schema.ts';
import { residentPage } from '../../residents/residents.schema.ts';
import { apiGet } from '../../web/api.ts';

/** What the chronic pages read, parsed (the shapes of src/chronic/*.service.ts). */
const n = z.number();
const s = z.string();
const sn = z.string().nullable();
const nn = z.number().nullable();

export const CHRONIC_KEY = ['chronic'] as const;

export const dueItem = z.object({
  caseId: n,
  residentId: n,
  name: s,
  sex: s,
  age: n,
  mobile: sn,
  disease: s,
  nextDue: s,
  overdueDays: n,
  lastFollowupOn: sn,
  lastClass: nn,
  lastCall: sn,
});
export type DueItem = z.infer<typeof dueItem>;

export const alertItem = z.object({
  id: s,
  residentId: n,
  caseId: nn,
  name: s,
  mobile: sn,
  kind: s,
  sbp: nn,
  dbp: nn,
  glucose: nn,
  reasons: z.array(s),
  note: sn,
  recordedAt: s,
  memberName: s,
});
export type AlertItem = z.infer<typeof alertItem>;

export const dayList = z.object({
  on: s,
  counts: z.object({ alerts: n, overdue: n, today: n, week: n, drafts: n, tasks: n, renewals: n }),
  alerts: z.array(alertItem),
  overdue: z.array(dueItem),
  today: z.array(dueItem),
  week: z.array(dueItem),
  drafts: z.array(z.object({ id: n, residentName: s, reason: s, createdAt: s, urgency: s })),
  tasks: z.array(
    z.object({ id: n, referralId: n, title: s, dueOn: sn, status: s, residentName: s }).partial({ dueOn: true }),
  ),
  renewals: z.array(z.object({ contractId: n, residentId: n, name: s, signedTo: s })),
});
export type DayList = z.infer<typeof dayList>;

export const caseRow = z.object({
  id: n,
  residentId: n,
  residentName: s,
  sex: s,
  age: n,
  idNumber: s,
  mobile: sn,
  orgName: s,
  disease: s,
  state: s,
  nextDue: sn,
  overdueDays: n,
  lastFollowupOn: sn,
  lastClass: nn,
  streak: n,
  lastBp: sn,
  lastCall: sn,
  gridName: sn,
});
export type CaseRow = z.infer<typeof caseRow>;
export const casePage = pageOf(caseRow);

export const followupRow = z.object({
  id: s,
  visitDate: s,
  mode: s,
  sbp: nn,
  dbp: nn,
  heartRate: nn,
  fbg: nn,
  classification: n,
  controlled: z.boolean(),
  referral: s,
  reasons: z.array(s),
  referralId: nn,
  nextDue: s,
  lateEntry: z.boolean(),
  recordedAt: s,
  deviceAt: sn,
  staffName: s,
});
export type FollowupRow = z.infer<typeof followupRow>;

export const kitReading = z.object({
  deviceId: s,
  readingId: s,
  kind: z.enum(['bp', 'glucose', 'spo2', 'temperature', 'ecg']),
  systolic: nn,
  diastolic: nn,
  pulse: nn,
  glucose: nn,
  glucoseCtx: z.enum(['fasting', 'postprandial', 'random']).nullable(),
  spo2: nn,
  temperature: nn,
  flagged: z.boolean(),
  flagReasons: z.array(s),
  reviewedAt: sn,
  measuredAt: s,
  measuredOn: s,
  followupId: sn,
  followupDate: sn,
});
export type KitReading = z.infer<typeof kitReading>;

export const caseDetail = caseRow.extend({
  followups: z.array(followupRow),
  events: z.array(z.object({ from: sn, to: s, onDate: s, reason: sn, at: s })),
  calls: z.array(z.object({ outcome: s, note: sn, calledOn: s, staffName: s })),
  readings: z.array(z.looseObject({ glucose: nn })),
  kitReadings: z.array(kitReading).default([]),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const followupResult = z.object({
  id: s,
  caseId: n,
  classification: n,
  controlled: z.boolean(),
  referral: z.enum(['none', 'recommend', 'emergency']),
  reasons: z.array(s),
  nextDue: s,
  lateEntry: z.boolean(),
  referralId: nn,
  referralError: s.optional(),
  ruleSet: s,
});
export type FollowupResult = z.infer<typeof followupResult>;

export const gridRow = z.object({
  id: n,
  name: s,
  org_id: n,
  org_name: s,
  member_staff_id: n,
  member_name: s,
  doctor_staff_id: n,
  doctor_name: s,
  patients: n,
  open_alerts: n,
  last_log: sn,
});
export type GridRow = z.infer<typeof gridRow>;
export const gridList = z.object({ maxPatients: n, maxGridsPerDoctor: n, items: z.array(gridRow) });

export const lastReading = z
  .object({ kind: s, sbp: nn, dbp: nn, glucose: z.union([n, s]).nullable(), alert: z.boolean(), at: s })
  .nullable();
export const myGrid = z.object({
  grid: z.object({ id: n, name: s, patients: n, orgName: s, doctorName: s, doctorMobile: sn }).nullable(),
  patients: z.array(
    z.object({
      residentId: n,
      name: s,
      sex: s,
      age: n,
      mobile: sn,
      idNumber: s,
      diseases: z.array(s),
      nextDue: sn,
      lastReading,
    }),
  ),
  logs: z.array(z.object({ weekStart: s, attendees: n, note: s })).default([]),
});
export type MyGrid = z.infer<typeof myGrid>;
export type GridPatient = MyGrid['patients'][number];

export const readingResult = z.object({ id: s, alert: z.boolean(), reasons: z.array(s) });
export const okId = z.looseObject({});

export function useDayList() {
  return useQuery({
    queryKey: [...CHRONIC_KEY, 'day'],
    queryFn: () => apiGet('/api/chronic/day-list', dayList),
  });
}

export function useCase(id: number | null) {
  return useQuery({
    queryKey: [...CHRONIC_KEY, 'case', id],
    queryFn: () => apiGet(`/api/chronic/cases/${id}`, caseDetail),
    enabled: id !== null,
  });
}

export function useGrids() {
  return useQuery({ queryKey: [...CHRONIC_KEY, 'grids'], queryFn: () => apiGet('/api/grids', gridList) });
}

export function useMyGrid() {
  return useQuery({ queryKey: [...CHRONIC_KEY, 'mine'], queryFn: () => apiGet('/api/grid/mine', myGrid) });
}

/** residents by name / initials / ID, for 新建档案 and 编入患者 */
export function useResidentSearch(q: string) {
  return useQuery({
    queryKey: ['chronic-residents', q],
    queryFn: () => apiGet('/api/residents', residentPage, { q, pageSize: 20 }),
    enabled: q.trim().length > 0,
  });
}

/** Live: any grid alert or follow-up of this user's villages refetches the chronic reads. */
export function useChronicStream(onEvent?: () => void) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/chronic/stream');
    const handler = () => {
      void qc.invalidateQueries({ queryKey: CHRONIC_KEY });
      onEvent?.();
    };
    source.addEventListener('chronic.changed', handler);
    source.onmessage = handler;
    return () => source.close();
  }, [qc, onEvent]);
}

/** a client id for an offline-safe create (the server answers a retry with the first save) */
export const clientId = (): string => crypto.randomUUID();
