import type { Lang } from '../../web/i18n.ts';
import { defineDict } from '../../web/i18n.ts';
import type { OrgKind } from '../orgs.schema.ts';

const KIND_LABELS: Record<OrgKind, readonly [string, string]> = {
  county: ['县级医共体', 'County medical group'],
  county_hospital: ['县级医院', 'County hospital'],
  township_center: ['乡镇卫生院', 'Township health centre'],
  community_center: ['社区卫生服务中心', 'Community health centre'],
  village_clinic: ['村卫生室', 'Village clinic'],
  partner_hospital: ['县外合作医院', 'Partner hospital'],
};

/** One colour per kind, shared by the map, its legend and the tags. */
export const KIND_COLORS: Record<OrgKind, string> = {
  county: '#722ed1',
  county_hospital: '#e8453c',
  township_center: '#1668dc',
  community_center: '#13a8a8',
  village_clinic: '#52a81a',
  partner_hospital: '#fa8c16',
};

const LEVEL_LABELS: Record<string, readonly [string, string]> = {
  national: ['国家级', 'National'],
  provincial: ['省级', 'Provincial'],
  city: ['市级', 'City'],
  county: ['县级', 'County'],
  township: ['乡镇级', 'Township'],
  village: ['村级', 'Village'],
};

export function kindLabel(kind: OrgKind, lang: Lang): string {
  return KIND_LABELS[kind][lang === 'zh' ? 0 : 1];
}

export function levelLabel(level: string, lang: Lang): string {
  return LEVEL_LABELS[level]?.[lang === 'zh' ? 0 : 1] ?? level;
}

export const orgMessages = defineDict({
  structure: ['组织结构', 'Structure'],
  map: ['分布地图', 'Map'],
  list: ['机构列表', 'Organisations'],
  mapNote: [
    '按经纬度绘制；县外合作医院不在图上。点击圆点查看详情。',
    'Plotted by latitude/longitude; partner hospitals outside the county are not shown. Click a dot for details.',
  ],
  noCoords: ['暂无带经纬度的机构', 'No organisation has coordinates yet'],
  all: ['全部机构', 'All organisations'],
  filterName: ['按名称或编码筛选', 'Filter by name or code'],
  newOrg: ['新建机构', 'New organisation'],
  editOrg: ['编辑机构', 'Edit organisation'],
  newDept: ['新建科室', 'New department'],
  departments: ['科室', 'Departments'],
  noDepartments: ['暂无科室', 'No departments'],
  code: ['编码', 'Code'],
  name: ['名称', 'Name'],
  kind: ['类型', 'Kind'],
  level: ['级别', 'Level'],
  parent: ['上级机构', 'Parent'],
  divisionCode: ['行政区划代码', 'Division code'],
  address: ['地址', 'Address'],
  lat: ['纬度', 'Latitude'],
  lng: ['经度', 'Longitude'],
  beds: ['床位数', 'Beds'],
  phone: ['电话', 'Phone'],
  specialities: ['特色专科', 'Specialities'],
  speciality: ['专科', 'Speciality'],
  status: ['状态', 'Status'],
  active: ['启用', 'Active'],
  inactive: ['已停用', 'Inactive'],
  created: ['机构已创建', 'Organisation created'],
  deptCreated: ['科室已创建', 'Department created'],
  specialitiesHint: ['输入后回车添加', 'Type and press Enter'],
  detail: ['机构详情', 'Organisation'],
});
