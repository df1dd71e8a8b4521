import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import {
  CHANNELS,
  EVENT_SOURCES as SOURCES,
  MILESTONES,
  OBSERVATION_KINDS,
  TEAMS,
  VEHICLE_STATUSES,
  type Channel,
  type Milestone,
  type ObservationKind,
  type Team,
} from '../ems.states.ts';
import { MISSION_STATUSES } from './crew-steps.ts';

/**
 * The 120 pages' typed reads and writes: the answers of /api/ems (notes/ems-contract.md).
 * Nullable where the server may not know a value yet (a vehicle without a position, a call
 * without a village), so one missing fact never blanks a dispatcher's whole board.
 */
export const EMS_KEY = ['ems'] as const;

// the coded values are the server's own lists (src/ems/ems.states.ts)
export { CHANNELS, MILESTONES, OBSERVATION_KINDS, SOURCES, TEAMS, VEHICLE_STATUSES };
export type { Channel, Milestone, ObservationKind, Team };
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
export type Source = (typeof SOURCES)[number];
export const CALL_STATUSES = ['open', 'dispatched', 'closed', 'cancelled'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** an enum the server may grow: an unknown value still parses (shown as it is) instead of failing the page */
const loose = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.string()]) as unknown as z.ZodType<T[number]>;

export const complaint = z.object({
  code: z.string(),
  name: z.string(),
  channel: loose(CHANNELS),
  triageLevel: z.number(),
});
export type Complaint = z.infer<typeof complaint>;

export const place = z.object({
  orgId: z.number(),
  name: z.string(),
  kind: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  township: z.string().nullable().optional(),
});
export type Place = z.infer<typeof place>;

/** an alarm the server raised by its own clock (src/ems/ems.states.ts EmsAlarm) */
export const alarm = z.object({ kind: z.string(), seconds: z.number(), missionId: z.number().optional() });
export type Alarm = z.infer<typeof alarm>;

export const vehicle = z.object({
  id: z.number(),
  callSign: z.string(),
  plate: z.string(),
  kind: z.string(),
  negativePressure: z.boolean(),
  status: loose(VEHICLE_STATUSES),
  statusAt: z.string(),
  stationId: z.number().nullable().optional(),
  stationName: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  lng: z.number().nullable().optional(),
  activeMissionId: z.number().nullable().optional(),
  crew: z.array(z.object({ id: z.number(), name: z.string() })).default([]),
  /** the crew phone's latest fix; `fresh` when recent enough to draw the vehicle there */
  pos: z
    .object({ lat: z.number(), lng: z.number(), at: z.string(), ageSeconds: z.number(), fresh: z.boolean() })
    .nullable()
    .optional(),
  alarms: z.array(alarm).default([]),
});
export type Vehicle = z.infer<typeof vehicle>;

export const hospital = z.object({
  orgId: z.number(),
  name: z.string(),
  kind: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  capabilities: z.array(z.string()).default([]),
});
export type Hospital = z.infer<typeof hospital>;

const callMission = z.object({
  id: z.number(),
  vehicleId: z.number(),
  callSign: z.string(),
  status: z.string(),
});

export const call = z.object({
  id: z.number(),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  callerPhone: z.string(),
  address: z.string(),
  villageName: z.string().nullable().optional(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  complaintCode: z.string(),
  complaintName: z.string(),
  triageLevel: z.number(),
  channel: loose(CHANNELS),
  patientLabel: z.string().nullable(),
  patientSex: z.string().nullable().optional(),
  patientAge: z.number().nullable().optional(),
  status: loose(CALL_STATUSES),
  waitingSeconds: z.number().nullable().optional(),
  missions: z.array(callMission).default([]),
  alarms: z.array(alarm).default([]),
  residentId: z.number().nullable().optional(),
  note: z.string().nullable().optional(),
});
export type Call = z.infer<typeof call>;
const callPage = z.object({ items: z.array(call), total: z.number() });

export const recommendation = z.object({
  vehicles: z.array(
    z.object({
      vehicleId: z.number(),
      callSign: z.string(),
      kind: z.string(),
      negativePressure: z.boolean(),
      stationName: z.string().nullable().optional(),
      status: z.string(),
      minutes: z.number().nullable(),
      km: z.number().nullable(),
      from: z.enum(['gps', 'station']).default('station'),
      fixAgeSeconds: z.number().nullable().default(null),
    }),
  ),
  hospitals: z.array(
    z.object({
      orgId: z.number(),
      name: z.string(),
      minutes: z.number().nullable(),
      capable: z.boolean(),
      capabilities: z.array(z.string()).default([]),
    }),
  ),
});
export type Recommendation = z.infer<typeof recommendation>;

export const missionItem = z.object({
  id: z.number(),
  callId: z.number(),
  callSign: z.string(),
  status: loose(MISSION_STATUSES),
  channel: loose(CHANNELS),
  destOrgName: z.string().nullable().optional(),
  patientLabel: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  createdAt: z.string(),
  etaSceneMin: z.coerce.number().nullable().optional(),
  endedAt: z.string().nullable().optional(),
  vehicleId: z.number().optional(),
  vehicleStatus: z.string().optional(),
  destOrgId: z.number().nullable().optional(),
  complaintName: z.string().nullable().optional(),
  triageLevel: z.number().nullable().optional(),
  patientSex: z.string().nullable().optional(),
  patientAge: z.number().nullable().optional(),
  callerPhone: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  lng: z.number().nullable().optional(),
  residentId: z.number().nullable().optional(),
  backfilled: z.boolean().optional(),
});
export type MissionItem = z.infer<typeof missionItem>;
export const missionPage = z.object({
  items: z.array(missionItem),
  total: z.number(),
  page: z.number().optional(),
  pageSize: z.number().optional(),
  totalCapped: z.boolean().optional(),
});

export const missionEvent = z.object({
  milestone: z.string(),
  label: z.string(),
  at: z.string(),
  source: loose(SOURCES),
  recordedAt: z.string().nullable().optional(),
  recordedBy: z.union([z.string(), z.number()]).nullable().optional(),
  note: z.string().nullable().optional(),
  /** how often the time was corrected (更正), and whether the reader may correct it */
  corrections: z.number().default(0),
  mayCorrect: z.boolean().default(false),
});
export type MissionEvent = z.infer<typeof missionEvent>;

export const observation = z.object({
  id: z.number(),
  kind: loose(OBSERVATION_KINDS),
  observedAt: z.string(),
  recordedAt: z.string().nullable().optional(),
  value: z.record(z.string(), z.unknown()),
  hasFile: z.boolean().default(false),
  fileName: z.string().nullable().optional(),
});
export type Observation = z.infer<typeof observation>;

export const preadmission = z.object({
  id: z.number(),
  tempId: z.string(),
  missionId: z.number(),
  channel: loose(CHANNELS),
  status: z.string(),
  etaAt: z.string().nullable(),
  /** the door is stamped (by the crew or the hospital): at the door, to be received */
  doorAt: z.string().nullable().optional(),
  team: z.string().nullable(),
  teamActivatedAt: z.string().nullable(),
  patientLabel: z.string().nullable().optional(),
  complaintName: z.string().nullable().optional(),
  callSign: z.string().nullable().optional(),
  residentId: z.number().nullable().optional(),
  residentName: z.string().nullable().optional(),
  latestVitals: z.record(z.string(), z.unknown()).nullable().optional(),
  ecgObservationId: z.number().nullable().optional(),
  arrivedAt: z.string().nullable().optional(),
  edBypass: z.boolean().nullable().optional(),
  visitId: z.number().nullable().optional(),
  missionStatus: z.string().optional(),
  events: z.array(z.object({ milestone: z.string(), at: z.string() })).default([]),
});
export type Preadmission = z.infer<typeof preadmission>;

export const interval = z.object({
  key: z.string(),
  label: z.string(),
  minutes: z.number().nullable(),
  target: z.number().nullable(),
  met: z.boolean().nullable(),
});
export const risk = z.object({
  key: z.string(),
  label: z.string(),
  limitMin: z.number(),
  elapsedMin: z.number(),
  state: loose(['ok', 'at_risk', 'breached'] as const),
});
export type Risk = z.infer<typeof risk>;

export const missionDetail = missionItem.extend({
  call: call.partial().nullable().optional(),
  vehicle: vehicle.partial().nullable().optional(),
  events: z.array(missionEvent).default([]),
  observations: z.array(observation).default([]),
  preadmission: preadmission.partial().nullable().optional(),
  intervals: z.array(interval).default([]),
  risks: z.array(risk).default([]),
  nextActions: z.array(z.unknown()).default([]),
});
export type MissionDetail = z.infer<typeof missionDetail>;

/** The call's facts of a mission, whether the server sends them flat on the mission or as a nested call. */
export function callFacts(m: MissionDetail) {
  const c = m.call ?? {};
  return {
    complaintName: m.complaintName ?? c.complaintName ?? null,
    triageLevel: m.triageLevel ?? c.triageLevel ?? null,
    patientLabel: m.patientLabel ?? c.patientLabel ?? null,
    patientSex: m.patientSex ?? c.patientSex ?? null,
    patientAge: m.patientAge ?? c.patientAge ?? null,
    callerPhone: m.callerPhone ?? c.callerPhone ?? null,
    address: m.address ?? c.address ?? null,
    note: c.note ?? null,
  };
}

// ---------------------------------------------------------------- reads

export function useComplaints() {
  return useQuery({
    queryKey: [...EMS_KEY, 'complaints'],
    queryFn: () => apiGet('/api/ems/complaints', z.array(complaint)),
    staleTime: 60 * 60_000,
  });
}

export function usePlaces(q: string) {
  return useQuery({
    queryKey: [...EMS_KEY, 'places', q],
    queryFn: () => apiGet('/api/ems/places', z.array(place), { q }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });
}

export function useHospitals() {
  return useQuery({
    queryKey: [...EMS_KEY, 'hospitals'],
    queryFn: () => apiGet('/api/ems/hospitals', z.array(hospital)),
    staleTime: 10 * 60_000,
  });
}

export function useVehicles() {
  return useQuery({
    queryKey: [...EMS_KEY, 'vehicles'],
    queryFn: () => apiGet('/api/ems/vehicles', z.array(vehicle)),
    // the live stream refetches; this is the fallback when it cannot connect
    refetchInterval: 30_000,
  });
}

export function useCalls(params: Query) {
  return useQuery({
    queryKey: [...EMS_KEY, 'calls', params],
    queryFn: () => apiGet('/api/ems/calls', callPage, params),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useRecommendation(callId: number | null) {
  return useQuery({
    queryKey: [...EMS_KEY, 'recommend', callId],
    queryFn: () => apiGet(`/api/ems/calls/${callId}/recommend`, recommendation),
    enabled: callId !== null,
  });
}

export function useMissions(params: Query) {
  return useQuery({
    queryKey: [...EMS_KEY, 'missions', params],
    queryFn: () => apiGet('/api/ems/missions', missionPage, params),
    placeholderData: keepPreviousData,
  });
}

export function useMission(id: number | null, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: [...EMS_KEY, 'mission', id],
    queryFn: () => apiGet(`/api/ems/missions/${id}`, missionDetail),
    enabled: id !== null,
    refetchInterval: opts.refetchInterval,
  });
}

export function useMyMissions() {
  return useQuery({
    queryKey: [...EMS_KEY, 'my-missions'],
    queryFn: () => apiGet('/api/ems/my-missions', z.array(missionDetail)),
    refetchInterval: 30_000,
  });
}

export function usePreadmissions(status: 'expected' | 'arrived') {
  return useQuery({
    queryKey: [...EMS_KEY, 'preadmissions', status],
    queryFn: () => apiGet('/api/ems/preadmissions', z.array(preadmission), { status }),
    refetchInterval: 30_000,
  });
}

export const fileUrl = (observationId: number) => `/api/ems/observations/${observationId}/file`;

// ---------------------------------------------------------------- writes

export interface CallCreate {
  clientId: string;
  receivedAt: string;
  answeredAt: string;
  callerPhone: string;
  address: string;
  villageOrgId?: number | null;
  lat: number;
  lng: number;
  complaintCode: string;
  triageLevel?: number;
  channel?: Channel;
  residentId?: number | null;
  patientLabel?: string | null;
  patientSex?: 'M' | 'F' | null;
  patientAge?: number | null;
  note?: string | null;
}

function useEmsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => qc.invalidateQueries({ queryKey: EMS_KEY }),
  });
}

export function useCreateCall() {
  return useEmsMutation((body: CallCreate) => apiSend('POST', '/api/ems/calls', body, call));
}

export function useDispatch() {
  return useEmsMutation((v: { callId: number; vehicleId: number; destOrgId?: number | null }) =>
    apiSend(
      'POST',
      `/api/ems/calls/${v.callId}/dispatch`,
      { vehicleId: v.vehicleId, destOrgId: v.destOrgId ?? undefined },
      z.unknown(),
    ),
  );
}

export function useCancelCall() {
  return useEmsMutation((v: { callId: number; reason: string }) =>
    apiSend('POST', `/api/ems/calls/${v.callId}/cancel`, { reason: v.reason }, z.unknown()),
  );
}

export function useVehicleStatus() {
  return useEmsMutation((v: { id: number; action: 'out_of_service' | 'in_service' | 'back_in_station' }) =>
    apiSend('POST', `/api/ems/vehicles/${v.id}/status`, { action: v.action }, z.unknown()),
  );
}

export function usePostEvent() {
  return useEmsMutation(
    (v: { missionId: number; clientId: string; milestone: string; at: string; source: Source; note?: string }) =>
      apiSend(
        'POST',
        `/api/ems/missions/${v.missionId}/events`,
        { clientId: v.clientId, milestone: v.milestone, at: v.at, source: v.source, note: v.note || undefined },
        z.unknown(),
      ),
  );
}

export function useActivateTeam() {
  return useEmsMutation((v: { id: number; team: Team }) =>
    apiSend('POST', `/api/ems/preadmissions/${v.id}/activate`, { team: v.team }, z.unknown()),
  );
}

export function useArrive() {
  return useEmsMutation(
    (v: { id: number; at: string; edBypass: boolean; pathway?: string; residentId?: number | null }) =>
      apiSend(
        'POST',
        `/api/ems/preadmissions/${v.id}/arrive`,
        {
          at: v.at,
          edBypass: v.edBypass,
          pathway: v.pathway || undefined,
          residentId: v.residentId ?? undefined,
        },
        z.unknown(),
      ),
  );
}

export function useMerge() {
  return useEmsMutation((v: { id: number; residentId: number }) =>
    apiSend('POST', `/api/ems/preadmissions/${v.id}/merge`, { residentId: v.residentId }, z.unknown()),
  );
}

// ---------------------------------------------------------------- live

const TOPICS = ['ems.call', 'ems.vehicle', 'ems.mission', 'ems.preadmission'] as const;

/**
 * Live board: every change the server lets this user see (a call, a vehicle, a mission, a
 * pre-admission) refetches the 120 queries. Returns whether the stream is connected; the
 * queries' own polling covers the time it is not.
 */
export function useEmsLive(onEvent?: (topic: string, payload: { id?: number; status?: string }) => void): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/ems/stream');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    const handlers = TOPICS.map((topic) => {
      const handler = (msg: MessageEvent<string>) => {
        let payload: { id?: number; status?: string; pos?: unknown } = {};
        try {
          payload = JSON.parse(msg.data) as typeof payload;
        } catch {
          /* heartbeat or malformed */
        }
        // a vehicle's new position (every 15 s per moving vehicle) moves it on the map and nothing else
        void qc.invalidateQueries({ queryKey: payload.pos ? [...EMS_KEY, 'vehicles'] : EMS_KEY });
        onEvent?.(topic, payload);
      };
      source.addEventListener(topic, handler as EventListener);
      return handler;
    });
    return () => {
      handlers.length = 0;
      source.close();
    };
  }, [qc, onEvent]);
  return live;
}

/** Re-renders every `ms` (waiting seconds, ETA countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
