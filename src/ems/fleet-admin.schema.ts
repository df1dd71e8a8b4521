import { z } from 'zod';
import { listQuery } from '../platform/list.schema.ts';
import { intQuery } from '../platform/params.ts';

/** 急救资源 (issue 13): stations, vehicles and the road network kept on screen, shared by server and web. */

export const VEHICLE_KINDS = ['transport', 'emergency', 'micu', 'mobile_ct'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];
export const ROAD_CLASSES = ['highway', 'national', 'county', 'township', 'village', 'mountain'] as const;
export type RoadClassCode = (typeof ROAD_CLASSES)[number];

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .max(2147483647, `请选择${label}`);
const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}应为带时区的时间（ISO 8601）` }).transform((s) => new Date(s));

const stationName = z
  .string({ error: '请填写站点名称' })
  .trim()
  .min(2, '站点名称应为 2–60 个字')
  .max(60, '站点名称应为 2–60 个字');

export const stationCreate = z.object({
  name: stationName,
  orgId: id('所属机构'),
  /** left out: the road node nearest to the org's location */
  nodeId: id('路网节点').optional(),
});
export type StationCreate = z.infer<typeof stationCreate>;

export const stationUpdate = z
  .object({ name: stationName.optional(), nodeId: id('路网节点').optional(), active: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.nodeId !== undefined || b.active !== undefined, {
    error: '请至少修改一项',
  });
export type StationUpdate = z.infer<typeof stationUpdate>;

export const stationQuery = listQuery.extend({
  active: z.enum(['true', 'false'], { error: '状态应为启用或已撤销' }).optional(),
});
export type StationQuery = z.infer<typeof stationQuery>;

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** 晋A12345, 晋K·12345, 晋KD12345 (new energy): stored as 晋K·12345 so one plate is one string */
const PLATE = new RegExp(`^([${PROVINCES}])([A-Z])[·.•・]?([A-HJ-NP-Z0-9]{5,6})([挂学警])?$`);
export const plate = z
  .string({ error: '请填写车牌号' })
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .regex(PLATE, '车牌号格式不正确，应如 晋A12345 或 晋K·12345')
      .transform((s) => s.replace(PLATE, '$1$2·$3$4')),
  );

const callSign = z
  .string({ error: '请填写车辆呼号' })
  .trim()
  .min(2, '呼号应为 2–20 个字符')
  .max(20, '呼号应为 2–20 个字符');
const kind = z.enum(VEHICLE_KINDS, { error: '请选择车辆类型' });
const crewIds = z
  .array(id('随车人员'), { error: '随车人员格式不正确' })
  .max(8, '随车人员最多 8 人')
  .refine((a) => new Set(a).size === a.length, '随车人员有重复');

export const vehicleCreate = z.object({
  callSign,
  plate,
  kind,
  negativePressure: z.boolean().default(false),
  stationId: id('所属站点'),
  crewStaffIds: crewIds.default([]),
});
export type VehicleCreate = z.infer<typeof vehicleCreate>;

export const vehicleUpdate = z
  .object({
    callSign: callSign.optional(),
    plate: plate.optional(),
    kind: kind.optional(),
    negativePressure: z.boolean().optional(),
    stationId: id('所属站点').optional(),
    crewStaffIds: crewIds.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: '请至少修改一项' });
export type VehicleUpdate = z.infer<typeof vehicleUpdate>;

export const fleetVehicleQuery = listQuery.extend({
  stationId: intQuery({ message: '站点编号不正确' }).optional(),
  kind: kind.optional(),
});
export type FleetVehicleQuery = z.infer<typeof fleetVehicleQuery>;

export const roadQuery = listQuery.extend({
  roadClass: z.enum(ROAD_CLASSES, { error: '道路等级不正确' }).optional(),
  closed: z.enum(['now', 'planned', 'open'], { error: '封路状态不正确' }).optional(),
});
export type RoadQuery = z.infer<typeof roadQuery>;

export const roadClose = z
  .object({
    /** left out: from now */
    from: instant('封路开始时间').optional(),
    until: instant('封路结束时间').optional(),
    reason: z
      .string({ error: '请填写封路原因' })
      .trim()
      .min(2, '封路原因应为 2–100 个字')
      .max(100, '封路原因应为 2–100 个字'),
  })
  .refine((b) => !b.from || !b.until || b.until.getTime() > b.from.getTime(), {
    error: '封路结束时间应晚于开始时间',
    path: ['until'],
  });
export type RoadClose = z.infer<typeof roadClose>;

export const roadSpeed = z.object({
  speedKmh: z
    .number({ error: '请填写车速' })
    .int('车速应为整数')
    .min(5, '车速应为 5–120 公里/小时')
    .max(120, '车速应为 5–120 公里/小时'),
});
