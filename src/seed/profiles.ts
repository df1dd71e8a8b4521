import { JIEXIU_TOWNSHIPS, type Township } from '../residents/division-codes.ts';
import { Rng } from './random.ts';

/**
 * The three demo counties. Structure (orgs, names, coordinates, village sizes) is fixed per
 * profile and does not depend on the seed: a new seed reshuffles people, not the map, so
 * screenshots, docs and e2e journeys keep naming the same clinics.
 */
export type ProfileName = 'tiny' | 'demo' | 'jiexiu';

export interface DepartmentDef {
  code: string;
  name: string;
  speciality: string | null;
  clinical: boolean;
}

export interface HospitalDef {
  role: 'people' | 'tcm' | 'mch';
  code: string;
  name: string;
  beds: number;
  departments: readonly DepartmentDef[];
}

export interface VillageDef {
  code: string;
  name: string;
  lat: number;
  lng: number;
  weight: number;
}

export interface CentreDef {
  code: string;
  name: string;
  kind: 'township_center' | 'community_center';
  township: Township;
  specialities: readonly string[];
  beds: number;
  lat: number;
  lng: number;
  urban: boolean;
  departments: readonly DepartmentDef[];
  villages: readonly VillageDef[];
}

export interface PartnerDef {
  code: string;
  name: string;
  level: 'provincial' | 'national';
  divisionCode: string;
  address: string;
  lat: number;
  lng: number;
  beds: number;
  departments: readonly DepartmentDef[];
}

/** Extra staff beyond the 15 demo accounts; counts are per org (or per department). */
export interface Staffing {
  villageDoctorsPerClinic: number;
  gridMembersPerClinic: number;
  townshipDoctorsPerCentre: number;
  countyDoctorsPerDepartment: number;
  expertsPerPartner: number;
  /** a pharmacist and a settlement clerk in every hospital and centre */
  supportPerOrg: boolean;
  /** a second admin, bureau official, auditor, coordinator, two readers and dispatchers */
  groupExtras: boolean;
}

export interface CountyProfile {
  name: ProfileName;
  codePrefix: string;
  rootName: string;
  countyName: string;
  divisionCode: string;
  center: { lat: number; lng: number };
  hospitals: readonly HospitalDef[];
  centres: readonly CentreDef[];
  partners: readonly PartnerDef[];
  residents: number;
  staffing: Staffing;
}

const dept = (code: string, name: string, speciality: string | null = null, clinical = true): DepartmentDef => ({
  code,
  name,
  speciality,
  clinical,
});

/** Speciality vocabulary shared by org.specialities and department.speciality (DOMAIN.md §1). */
export const SPECIALITY = {
  rehab: '康复',
  psychiatry: '精神卫生',
  elderly: '医养结合',
  hospice: '安宁疗护',
  orthopaedics: '骨科',
  cardiology: '心血管',
} as const;

const PEOPLE_DEPARTMENTS = [
  dept('internal', '内科'),
  dept('surgery', '外科'),
  dept('cardiology', '心内科', SPECIALITY.cardiology),
  dept('neurology', '神经内科'),
  dept('orthopaedics', '骨科', SPECIALITY.orthopaedics),
  dept('emergency', '急诊科'),
  dept('icu', '重症医学科'),
  dept('lab', '检验科', null, false),
  dept('imaging', '影像科', null, false),
  dept('ecg', '心电诊断室', null, false),
  dept('ultrasound', '超声科', null, false),
  dept('pathology', '病理科', null, false),
  dept('pharmacy', '药剂科', null, false),
  dept('referral', '分级诊疗中心', null, false),
];
const TCM_DEPARTMENTS = [
  dept('tcm-internal', '中医内科'),
  dept('acupuncture', '针灸推拿科'),
  dept('rehab', '康复科', SPECIALITY.rehab),
  dept('bone-setting', '骨伤科', SPECIALITY.orthopaedics),
  dept('pharmacy', '药剂科', null, false),
];
const MCH_DEPARTMENTS = [
  dept('obstetrics', '妇产科'),
  dept('paediatrics', '儿科'),
  dept('neonatal', '新生儿科'),
  dept('womens-health', '妇女保健科'),
  dept('child-health', '儿童保健科'),
  dept('pharmacy', '药剂科', null, false),
];
const PARTNER_DEPARTMENTS = [
  dept('cardiology', '心内科', SPECIALITY.cardiology),
  dept('neurology', '神经内科'),
  dept('orthopaedics', '骨科', SPECIALITY.orthopaedics),
  dept('oncology', '肿瘤科'),
  dept('imaging', '影像科', null, false),
];

/** A speciality gives a centre a matching ward next to the departments every centre runs. */
const SPECIALITY_DEPARTMENT: Record<string, DepartmentDef> = {
  [SPECIALITY.rehab]: dept('rehab', '康复科', SPECIALITY.rehab),
  [SPECIALITY.psychiatry]: dept('psychiatry', '精神科', SPECIALITY.psychiatry),
  [SPECIALITY.elderly]: dept('elderly', '医养结合病区', SPECIALITY.elderly),
  [SPECIALITY.hospice]: dept('hospice', '安宁疗护病区', SPECIALITY.hospice),
  [SPECIALITY.orthopaedics]: dept('orthopaedics', '骨科', SPECIALITY.orthopaedics),
  [SPECIALITY.cardiology]: dept('cardiology', '心内科', SPECIALITY.cardiology),
};

function centreDepartments(specialities: readonly string[]): DepartmentDef[] {
  // every centre keeps a rehab room: recovering patients come back to the township (DOMAIN.md §2)
  const base = [
    dept('general', '全科'),
    dept('rehab', '康复科', SPECIALITY.rehab),
    dept('tcm', '中医科'),
    dept('public-health', '公卫科', null, false),
    dept('lab', '检验科', null, false),
    dept('pharmacy', '药房', null, false),
  ];
  const extra = specialities.map((s) => SPECIALITY_DEPARTMENT[s]).filter((d) => !base.some((b) => b.code === d.code));
  return [...base.slice(0, 2), ...extra, ...base.slice(2)];
}

function hospitals(prefix: string, county: string, mchName: string): HospitalDef[] {
  return [
    { role: 'people', code: `${prefix}-RMYY`, name: `${county}人民医院`, beds: 520, departments: PEOPLE_DEPARTMENTS },
    { role: 'tcm', code: `${prefix}-ZYYY`, name: `${county}中医医院`, beds: 220, departments: TCM_DEPARTMENTS },
    { role: 'mch', code: `${prefix}-FYBJ`, name: mchName, beds: 120, departments: MCH_DEPARTMENTS },
  ];
}

const PARTNERS: readonly PartnerDef[] = [
  {
    code: 'SXBQE',
    name: '山西白求恩医院',
    level: 'provincial',
    divisionCode: '140100',
    address: '山西省太原市',
    lat: 37.78,
    lng: 112.57,
    beds: 2000,
    departments: PARTNER_DEPARTMENTS,
  },
  {
    code: 'SYDYY',
    name: '山西医科大学第一医院',
    level: 'provincial',
    divisionCode: '140100',
    address: '山西省太原市',
    lat: 37.86,
    lng: 112.56,
    beds: 2800,
    departments: PARTNER_DEPARTMENTS,
  },
  {
    code: 'PUMCH',
    name: '北京协和医院',
    level: 'national',
    divisionCode: '110101',
    address: '北京市东城区',
    lat: 39.91,
    lng: 116.42,
    beds: 2000,
    departments: PARTNER_DEPARTMENTS,
  },
];

/**
 * Jiexiu's township units, 宋古乡 first: it is the documented rehab centre (DOMAIN.md §2)
 * and the home of the village.doctor demo account in every profile, so the account labels
 * hold for tiny, demo and jiexiu alike.
 */
const TOWNSHIP_ORDER = [
  '宋古乡',
  '义安镇',
  '张兰镇',
  '连福镇',
  '洪山镇',
  '龙凤镇',
  '绵山镇',
  '义棠镇',
  '城关乡',
  '北关街道',
  '西关街道',
  '东南街道',
  '西南街道',
  '北坛街道',
];

const CENTRE_SPECIALITIES: Record<string, readonly string[]> = {
  宋古乡: [SPECIALITY.rehab],
  义安镇: [SPECIALITY.elderly, SPECIALITY.hospice],
  张兰镇: [SPECIALITY.orthopaedics],
  连福镇: [SPECIALITY.cardiology],
  洪山镇: [SPECIALITY.psychiatry],
  龙凤镇: [SPECIALITY.elderly],
  绵山镇: [SPECIALITY.rehab],
  义棠镇: [SPECIALITY.orthopaedics],
  城关乡: [SPECIALITY.hospice],
  北关街道: [SPECIALITY.elderly],
  西关街道: [],
  东南街道: [SPECIALITY.cardiology],
  西南街道: [],
  北坛街道: [SPECIALITY.elderly],
};

/** Village clinics per unit in the full county: 163 in all, as the Jiexiu report counts. */
const JIEXIU_VILLAGE_COUNTS: Record<string, number> = {
  宋古乡: 13,
  义安镇: 17,
  张兰镇: 16,
  连福镇: 15,
  洪山镇: 16,
  龙凤镇: 14,
  绵山镇: 13,
  义棠镇: 15,
  城关乡: 14,
  北关街道: 5,
  西关街道: 6,
  东南街道: 6,
  西南街道: 7,
  北坛街道: 6,
};

function township(name: string): Township {
  const t = JIEXIU_TOWNSHIPS.find((x) => x.name === name);
  if (!t) throw new Error(`unknown Jiexiu township ${name}`);
  return t;
}

const STANDALONE = [
  '张壁',
  '石屯',
  '宋安',
  '罗王庄',
  '龙头',
  '兴地',
  '桥头',
  '三道河',
  '崇贤',
  '孙畅',
  '田村',
  '马堡',
  '韩屯',
  '太和堡',
  '曹麻',
  '旧堡',
  '新堡',
  '河湾',
  '窑头',
  '沟口',
  '峪口',
  '泉头',
  '官屯',
  '柳湾',
  '槐树庄',
  '枣园',
  '杏园',
  '梨园',
  '桃园',
  '石河',
  '沙堡',
  '许村',
  '郭村',
  '大甫',
  '小甫',
  '洪善',
  '常乐',
  '安泰',
  '永和堡',
  '太平庄',
  '长寿',
  '万户堡',
  '三佳',
  '大许',
  '小许',
  '靳屯',
  '梁村',
  '侯村',
  '温村',
  '孔村',
  '西欢',
  '东欢',
  '大靳',
  '小靳',
  '北盐场',
  '南盐场',
  '红崖',
  '白石',
  '青杨',
  '双井',
  '古城',
  '磨沟',
  '庙底',
  '井峪',
  '坡头',
  '源神',
  '义和',
  '仁义',
  '太平',
  '福泉',
  '兴旺',
  '凤凰',
  '南山',
  '北山',
  '松林',
  '柏树',
  '石桥',
  '河西',
  '河东',
  '新民',
  '永安',
  '吉祥',
  '和平',
  '团结',
  '东风',
  '红旗',
];
const SURNAME_VILLAGES =
  '王李张刘郭杨赵武梁白贾田任韩闫高孙马宋侯温郝薛冀范乔史段曹霍冯常牛秦申程吴崔孟董石邢翟雷苏徐朱宁';
const DIRECTIONAL: ReadonlyArray<readonly [string, string]> = [
  ['北南东', '辛武'],
  ['东西', '段屯'],
  ['东西', '狐'],
  ['南北', '王里'],
  ['南北', '两水'],
  ['上下', '板峪'],
  ['东西', '湖龙'],
  ['南北', '贾'],
  ['上下', '李侯'],
  ['东西南北', '庄'],
  ['东西', '堡'],
  ['前后', '营'],
  ['前后', '街'],
  ['大小', '沟'],
  ['上下', '坡'],
  ['东西', '樊'],
  ['南北', '城'],
  ['大小', '宋'],
  ['东西', '靳'],
];

const asVillage = (n: string) => (n.endsWith('村') ? n : `${n}村`);

/** ~200 plausible Jinzhong village names in a fixed mixed order (seat villages excluded). */
function villageNamePool(): string[] {
  const names = [
    ...STANDALONE,
    ...[...SURNAME_VILLAGES].map((s, i) => `${s}家${i % 3 === 1 ? '堡' : '庄'}`),
    ...DIRECTIONAL.flatMap(([dirs, root]) => [...dirs].map((d) => d + root)),
  ].map(asVillage);
  const unique = [...new Set(names)];
  const rng = new Rng(20_260_101, 'village-names');
  for (let i = unique.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [unique[i], unique[j]] = [unique[j], unique[i]];
  }
  return unique;
}

const JIEXIU_CENTER = { lat: 37.03, lng: 111.92 };

function centreName(t: Township): string {
  return t.name.endsWith('街道') ? `${t.name}社区卫生服务中心` : `${t.name}卫生院`;
}

/** Builds the township centres with their clinics; all positions come from a fixed stream. */
function buildCentres(prefix: string, units: readonly string[], villagesPer: (unit: string) => number): CentreDef[] {
  const pool = villageNamePool().filter((n) => !units.some((u) => n === asVillage(u.slice(0, -1))));
  let cursor = 0;
  return units.map((unit) => {
    const t = township(unit);
    // one stream per unit, so a township sits at the same spot in the demo and full county
    const geo = new Rng(140_781, `geo:${unit}`);
    const urban = unit.endsWith('街道');
    const lat = round(JIEXIU_CENTER.lat + (urban ? geo.normal(0, 0.015) : geo.next() * 0.3 - 0.15), 5);
    const lng = round(JIEXIU_CENTER.lng + (urban ? geo.normal(0, 0.015) : geo.next() * 0.3 - 0.15), 5);
    const seat = urban ? [] : [asVillage(unit.slice(0, -1))];
    const count = villagesPer(unit);
    const names = [...seat, ...pool.slice(cursor, cursor + count - seat.length)];
    cursor += count - seat.length;
    if (names.length < count) throw new Error('village name pool exhausted');
    const code = `${prefix}-T${t.code.slice(6)}`;
    const villages = names.map((name, i) => ({
      code: `${code}-V${String(i + 1).padStart(2, '0')}`,
      name,
      lat: round(lat + geo.normal(0, 0.02), 5),
      lng: round(lng + geo.normal(0, 0.02), 5),
      // urban streets are denser; a lognormal spread keeps village sizes uneven as in life
      weight: (urban ? 1.8 : 1) * Math.exp(geo.normal(0, 0.3)),
    }));
    const specialities = CENTRE_SPECIALITIES[unit] ?? [];
    return {
      code,
      name: centreName(t),
      kind: urban ? 'community_center' : 'township_center',
      township: t,
      specialities,
      beds: urban ? 20 : 40 + 10 * specialities.length,
      lat,
      lng,
      urban,
      departments: centreDepartments(specialities),
      villages,
    } satisfies CentreDef;
  });
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const withPrefix = (prefix: string, partners: readonly PartnerDef[]) =>
  partners.map((p) => ({ ...p, code: `${prefix}-P-${p.code}` }));

const TINY: CountyProfile = {
  name: 'tiny',
  codePrefix: 'TEST',
  rootName: '测试县医疗集团',
  countyName: '测试县',
  divisionCode: '140781',
  center: JIEXIU_CENTER,
  hospitals: hospitals('TEST', '测试县', '测试县妇幼保健院'),
  // equal weights: 15 residents in each of the 4 clinics
  centres: buildCentres('TEST', ['宋古乡', '义安镇'], () => 2).map((c) => ({
    ...c,
    villages: c.villages.map((v) => ({ ...v, weight: 1 })),
  })),
  partners: [],
  residents: 60,
  staffing: {
    villageDoctorsPerClinic: 1,
    gridMembersPerClinic: 0,
    townshipDoctorsPerCentre: 1,
    countyDoctorsPerDepartment: 0,
    expertsPerPartner: 0,
    supportPerOrg: false,
    groupExtras: false,
  },
};

const DEMO: CountyProfile = {
  name: 'demo',
  codePrefix: 'JX',
  rootName: '介休市医疗集团',
  countyName: '介休市',
  divisionCode: '140781',
  center: JIEXIU_CENTER,
  hospitals: hospitals('JX', '介休市', '介休市妇幼保健计划生育服务中心'),
  centres: buildCentres('JX', TOWNSHIP_ORDER.slice(0, 4), () => 6),
  partners: withPrefix('JX', PARTNERS),
  residents: 20_000,
  staffing: {
    villageDoctorsPerClinic: 1,
    gridMembersPerClinic: 2,
    townshipDoctorsPerCentre: 3,
    countyDoctorsPerDepartment: 1,
    expertsPerPartner: 2,
    supportPerOrg: true,
    groupExtras: true,
  },
};

const JIEXIU: CountyProfile = {
  ...DEMO,
  name: 'jiexiu',
  centres: buildCentres('JX', TOWNSHIP_ORDER, (u) => JIEXIU_VILLAGE_COUNTS[u]),
  residents: 400_000,
  // 3 grid members per clinic ≈ the 576 介小康 of the Jiexiu report
  staffing: {
    villageDoctorsPerClinic: 1,
    gridMembersPerClinic: 3,
    townshipDoctorsPerCentre: 4,
    countyDoctorsPerDepartment: 2,
    expertsPerPartner: 3,
    supportPerOrg: true,
    groupExtras: true,
  },
};

export const PROFILES: Readonly<Record<ProfileName, CountyProfile>> = { tiny: TINY, demo: DEMO, jiexiu: JIEXIU };
