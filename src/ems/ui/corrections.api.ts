import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';
import { EMS_KEY } from './ems.api.ts';

/** 更正时间节点: a mission's correction history and the correction itself (src/ems/corrections.routes.ts). */
export const correction = z.object({
  id: z.number(),
  milestone: z.string(),
  label: z.string(),
  oldAt: z.string(),
  newAt: z.string(),
  oldSource: z.string(),
  reason: z.string(),
  correctedAt: z.string(),
  correctedBy: z.string().nullable(),
});
export type Correction = z.infer<typeof correction>;

export function useCorrections(missionId: number, enabled = true) {
  return useQuery({
    queryKey: [...EMS_KEY, 'mission', missionId, 'corrections'],
    queryFn: () => apiGet(`/api/ems/missions/${missionId}/corrections`, z.array(correction)),
    enabled,
  });
}

export function useCorrectEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { missionId: number; milestone: string; at: string; reason: string; expectedAt: string }) =>
      apiSend(
        'POST',
        `/api/ems/missions/${v.missionId}/events/${v.milestone}/correct`,
        { at: v.at, reason: v.reason, expectedAt: v.expectedAt },
        z.unknown(),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: EMS_KEY }),
  });
}
