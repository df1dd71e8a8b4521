/** The fixed set of roles; Chinese labels live in the web i18n and GLOSSARY.md. */
export const ROLES = [
  'admin',
  'bureau',
  'coordinator',
  'county_doctor',
  'township_doctor',
  'village_doctor',
  'grid_member',
  'expert',
  'reader',
  'dispatcher',
  'pharmacist',
  'clerk',
  'auditor',
  'city',
  'crew',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '医共体管理员',
  bureau: '卫健局',
  coordinator: '转诊中心协调员',
  county_doctor: '县级医生',
  township_doctor: '乡镇医生',
  village_doctor: '村医',
  grid_member: '网格员',
  expert: '坐诊专家',
  reader: '远程诊断医师',
  dispatcher: '120调度员',
  pharmacist: '药师',
  clerk: '结算员',
  auditor: '审计员',
  city: '市级监管',
  crew: '急救人员',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
