import type { Kdb } from '../platform/db.ts';

/**
 * A mission's intervals as computed in SQL (db/views/ems_mission_intervals_v01.sql), with the
 * targets of MODULES.md §3.1; the timeline page shows each, met or not. Only the intervals
 * that apply to the mission's channel and that have both ends are listed.
 */
interface Def {
  key: string;
  label: string;
  column:
    | 'answer_s'
    | 'departure_s'
    | 'response_min'
    | 'scene_min'
    | 'transport_min'
    | 'fmc_to_ecg_min'
    | 'ecg_to_diagnosis_min'
    | 'door_to_wire_min'
    | 'fmc_to_wire_min'
    | 'dido_min'
    | 'dnt_min'
    | 'dpt_min'
    | 'onset_to_needle_min'
    | 'consent_min';
  /** seconds columns are shown in minutes too */
  seconds?: boolean;
  target: number | null;
  channels?: readonly string[];
}

const DEFS: readonly Def[] = [
  { key: 'answer', label: '接听时间', column: 'answer_s', seconds: true, target: 10 / 60 },
  { key: 'departure', label: '接听→出车', column: 'departure_s', seconds: true, target: 3 },
  { key: 'response', label: '反应时间（接听→到达现场）', column: 'response_min', target: 12 },
  { key: 'scene', label: '现场时间', column: 'scene_min', target: null },
  { key: 'transport', label: '转运时间', column: 'transport_min', target: null },
  { key: 'fmc_to_ecg', label: 'FMC→首份心电图', column: 'fmc_to_ecg_min', target: 10, channels: ['chest_pain'] },
  {
    key: 'ecg_to_diagnosis',
    label: '心电图→确诊',
    column: 'ecg_to_diagnosis_min',
    target: 10,
    channels: ['chest_pain'],
  },
  {
    key: 'door_to_wire',
    label: '进门→导丝通过 (D2W)',
    column: 'door_to_wire_min',
    target: 90,
    channels: ['chest_pain'],
  },
  { key: 'fmc_to_wire', label: 'FMC→导丝通过', column: 'fmc_to_wire_min', target: 120, channels: ['chest_pain'] },
  { key: 'dnt', label: '进门→溶栓 (DNT)', column: 'dnt_min', target: 60, channels: ['stroke', 'chest_pain'] },
  { key: 'dpt', label: '进门→穿刺 (DPT)', column: 'dpt_min', target: 90, channels: ['stroke'] },
  { key: 'onset_to_needle', label: '发病→溶栓', column: 'onset_to_needle_min', target: 270, channels: ['stroke'] },
  { key: 'dido', label: '进门→转出 (DIDO)', column: 'dido_min', target: 30 },
  { key: 'consent', label: '知情同意时长', column: 'consent_min', target: 10 },
];

export interface Interval {
  key: string;
  label: string;
  minutes: number;
  target: number | null;
  met: boolean | null;
}

export async function intervalsOf(trx: Kdb, missionId: number): Promise<Interval[]> {
  const row = await trx
    .selectFrom('ems_mission_intervals_v01')
    .selectAll()
    .where('mission_id', '=', missionId)
    .executeTakeFirst();
  if (!row) return [];
  const out: Interval[] = [];
  for (const d of DEFS) {
    if (d.channels && !d.channels.includes(row.channel)) continue;
    const raw = row[d.column];
    if (raw === null || raw === undefined) continue;
    const minutes = d.seconds ? Number(raw) / 60 : Number(raw);
    out.push({
      key: d.key,
      label: d.label,
      minutes: Math.round(minutes * 10) / 10,
      target: d.target === null ? null : Math.round(d.target * 100) / 100,
      met: d.target === null ? null : minutes <= d.target + 1e-9,
    });
  }
  return out;
}
