import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, type Query } from '../../web/api.ts';
import { pageMeta } from '../../platform/list.schema.ts';
import { VEHICLE_STATUSES } from '../ems.states.ts';
import {
  ROAD_CLASSES,
  VEHICLE_KINDS,
  type RoadClassCode,
  type StationCreate,
  type StationUpdate,
  type VehicleKind,
} from '../fleet-admin.schema.ts';
import { EMS_KEY } from './ems.api.ts';

/** 急救资源's reads and writes (/api/ems/stations, /api/ems/fleet, /api/ems/roads); under EMS_KEY so live events refresh them. */
export { ROAD_CLASSES, VEHICLE_KINDS };
export type { RoadClassCode, VehicleKind };

const page = { ...pageMeta.shape, page: z.number(), pageSize: z.number(), totalCapped: z.boolean().default(false) };

export const fleetVehicle = z.object({
  id: z.number(),
  callSign: z.string(),
  plate: z.string(),
  kind: z.string(),
  negativePressure: z.boolean(),
  status: z.string(),
  statusAt: z.string(),
  stationId: z.number(),
  stationName: z.string(),
  activeMissionId: z.number().nullable(),
  crew: z.array(z.object({ id: z.number(), name: z.string() })),
  crewStaffIds: z.array(z.number()),
});
export type FleetVehicle = z.infer<typeof fleetVehicle>;

export const station = z.object({
  id: z.number(),
  name: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  nodeId: z.number().nullable(),
  nodeName: z.string().nullable(),
  active: z.boolean(),
  vehicles: z.number(),
  inService: z.number(),
});
export type Station = z.infer<typeof station>;

export const road = z.object({
  id: z.number(),
  roadClass: z.string(),
  lengthM: z.number(),
  speedKmh: z.number(),
  minutes: z.number(),
  fromName: z.string(),
  toName: z.string(),
  state: z.enum(['open', 'closed', 'planned']),
  closedFrom: z.string().nullable(),
  closedUntil: z.string().nullable(),
  closedReason: z.string().nullable(),
});
export type Road = z.infer<typeof road>;

const options = z.object({
  stations: z.array(z.object({ id: z.number(), name: z.string(), orgId: z.number(), active: z.boolean() })),
  orgs: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
  crew: z.array(z.object({ id: z.number(), name: z.string(), orgId: z.number(), orgName: z.string() })),
  nodes: z.array(z.object({ id: z.number(), name: z.string().nullable(), kind: z.string() })),
});
export type FleetOptions = z.infer<typeof options>;

const roadMap = z.object({
  edges: z.array(
    z.object({
      id: z.number(),
      roadClass: z.string(),
      closed: z.boolean(),
      coords: z.array(z.tuple([z.number(), z.number()])),
    }),
  ),
});
export type RoadMap = z.infer<typeof roadMap>;

const KEY = [...EMS_KEY, 'fleet'] as const;

const listHook =
  <S extends z.ZodType>(name: string, url: string, schema: S) =>
  (params: Query) =>
    useQuery({
      queryKey: [...KEY, name, params],
      queryFn: () => apiGet(url, schema, params),
      placeholderData: keepPreviousData,
    });

export const useFleetVehicles = listHook(
  'vehicles',
  '/api/ems/fleet/vehicles',
  z.object({ ...page, items: z.array(fleetVehicle) }),
);
export const useStations = listHook('stations', '/api/ems/stations', z.object({ ...page, items: z.array(station) }));
export const useRoads = listHook(
  'roads',
  '/api/ems/roads',
  z.object({ ...page, closedNow: z.number(), items: z.array(road) }),
);

export function useFleetOptions() {
  return useQuery({ queryKey: [...KEY, 'options'], queryFn: () => apiGet('/api/ems/fleet/options', options) });
}

export function useRoadMap(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'road-map'],
    queryFn: () => apiGet('/api/ems/roads/map', roadMap),
    enabled,
    staleTime: 30_000,
  });
}

function useFleetMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: EMS_KEY }) });
}

export interface VehicleInput {
  callSign?: string;
  plate?: string;
  kind?: VehicleKind;
  negativePressure?: boolean;
  stationId?: number;
  crewStaffIds?: number[];
}

export const useSaveVehicle = () =>
  useFleetMutation((v: { id: number | null; body: VehicleInput }) =>
    v.id === null
      ? apiSend('POST', '/api/ems/vehicles', v.body, fleetVehicle)
      : apiSend('PATCH', `/api/ems/vehicles/${v.id}`, v.body, fleetVehicle),
  );

export const useVehicleService = () =>
  useFleetMutation((v: { id: number; action: 'out_of_service' | 'in_service' }) =>
    apiSend('POST', `/api/ems/vehicles/${v.id}/status`, { action: v.action }, z.unknown()),
  );

export const useSaveStation = () =>
  useFleetMutation((v: { id: number | null; body: Partial<StationCreate> & StationUpdate }) =>
    v.id === null
      ? apiSend('POST', '/api/ems/stations', v.body, station)
      : apiSend('PATCH', `/api/ems/stations/${v.id}`, v.body, station),
  );

export const useCloseRoad = () =>
  useFleetMutation((v: { id: number; from?: string; until?: string; reason: string }) =>
    apiSend('POST', `/api/ems/roads/${v.id}/close`, { from: v.from, until: v.until, reason: v.reason }, road),
  );

export const useReopenRoad = () =>
  useFleetMutation((id: number) => apiSend('POST', `/api/ems/roads/${id}/reopen`, {}, road));

export const useRoadSpeed = () =>
  useFleetMutation((v: { id: number; speedKmh: number }) =>
    apiSend('PATCH', `/api/ems/roads/${v.id}`, { speedKmh: v.speedKmh }, road),
  );

export { VEHICLE_STATUSES };
