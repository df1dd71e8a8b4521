import { defineDict } from '../../web/i18n.ts';

/** 病区床位: wards and beds per department (administrator). */
export const wardMessages = defineDict({
  title: ['病区床位', 'Wards and beds'],
  newWard: ['新建病区', 'New ward'],
  department: ['科室', 'Department'],
  code: ['病区编码', 'Ward code'],
  name: ['病区名称', 'Ward name'],
  beds: ['床位', 'Beds'],
  open: ['开放', 'Open'],
  occupied: ['占用', 'Occupied'],
  addBeds: ['登记床位', 'Add beds'],
  count: ['床位数', 'Number of beds'],
  prefix: ['床号前缀', 'Prefix'],
  startAt: ['起始号', 'Start at'],
  type: ['类型', 'Type'],
  status: ['状态', 'Status'],
  free: ['空床', 'Free'],
  save: ['保存', 'Save'],
});

export const BED_TYPE_LABEL = {
  general: ['普通', 'General'],
  icu: ['重症', 'ICU'],
  isolation: ['隔离', 'Isolation'],
  paediatric: ['儿科', 'Paediatric'],
  obstetric: ['产科', 'Obstetric'],
  extra: ['加床', 'Extra'],
} as const;
export const BED_STATUS_LABEL = {
  open: ['开放', 'Open'],
  maintenance: ['维修', 'Maintenance'],
  closed: ['停用', 'Closed'],
} as const;
