import { z } from 'zod';
import { intId } from '../platform/params.ts';

export const ORG_KINDS = [
  'county',
  'county_hospital',
  'township_center',
  'community_center',
  'village_clinic',
  'partner_hospital',
] as const;
export const ORG_LEVELS = ['national', 'provincial', 'city', 'county', 'township', 'village'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Which kinds may hang below which: the group's shape, checked on every create. */
export const PARENT_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  county: [],
  county_hospital: ['county'],
  township_center: ['county'],
  community_center: ['county'],
  village_clinic: ['township_center', 'community_center'],
  partner_hospital: [],
};

export const department = z.object({
  id: z.number(),
  orgId: z.number(),
  code: z.string(),
  name: z.string(),
  speciality: z.string().nullable(),
  active: z.boolean(),
});
export type Department = z.infer<typeof department>;

export const org = z.object({
  id: z.number(),
  countyId: z.number(),
  parentId: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  level: z.enum(ORG_LEVELS),
  divisionCode: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  specialities: z.array(z.string()),
  beds: z.number(),
  phone: z.string().nullable(),
  active: z.boolean(),
});
export type Org = z.infer<typeof org>;

export const orgDetail = org.extend({ departments: z.array(department) });

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const lat = z.number().min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间');
const lng = z.number().min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间');

/** Fields without defaults, so that a PATCH leaves unnamed fields alone. */
const orgFields = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,32}$/, '机构编码为 2–32 位字母、数字、下划线或连字符'),
  name: text('机构名称', 60).refine((v) => v.length >= 2, '机构名称至少 2 个字'),
  kind: z.enum(ORG_KINDS, { error: '请选择机构类型' }),
  level: z.enum(ORG_LEVELS, { error: '请选择机构级别' }),
  parentId: intId().nullable(),
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{6})?$/, '行政区划代码为 6 或 12 位数字')
    .nullable()
    .optional(),
  address: z.string().trim().max(120, '地址不能超过 120 个字').nullable().optional(),
  lat: lat.nullable().optional(),
  lng: lng.nullable().optional(),
  specialities: z.array(text('专科', 20)).max(20, '专科最多 20 个'),
  beds: z.number().int('床位数应为整数').min(0, '床位数不能为负').max(10000, '床位数过大'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/, '电话号码格式不正确')
    .nullable()
    .optional(),
});
export const orgCreate = orgFields.extend({
  specialities: orgFields.shape.specialities.default([]),
  beds: orgFields.shape.beds.default(0),
});
export type OrgCreate = z.infer<typeof orgCreate>;

export const orgPatch = orgFields
  .pick({
    name: true,
    address: true,
    lat: true,
    lng: true,
    specialities: true,
    beds: true,
    phone: true,
    divisionCode: true,
  })
  .partial()
  .extend({ active: z.boolean().optional() });
export type OrgPatch = z.infer<typeof orgPatch>;

export const departmentCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '科室编码为 1–32 位字母、数字、下划线或连字符'),
  name: text('科室名称', 40),
  speciality: z.string().trim().max(20).nullable().optional(),
});
export type DepartmentCreate = z.infer<typeof departmentCreate>;
export const departmentPatch = departmentCreate
  .pick({ name: true, speciality: true })
  .partial()
  .extend({ active: z.boolean().optional() });
export type DepartmentPatch = z.infer<typeof departmentPatch>;
