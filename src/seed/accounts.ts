import type { Role } from '../platform/roles.ts';
import { givenName, surnameSampler } from './names.ts';
import { mobileNumber } from './people.ts';
import type { CountyProfile } from './profiles.ts';
import type { Rng } from './random.ts';

/**
 * Who works where in the demo county: the 15 demo accounts (one per role, fixed names and
 * places, printed on the console at start-up) and the extra staff that make lists, rosters
 * and scope checks look real.
 */

export interface StaffSeed {
  orgCode: string;
  departmentCode: string | null;
  username: string;
  displayName: string;
  title: string;
  roles: Role[];
  mobile: string;
}

/** Where a demo account sits; every profile has these places, so one table serves all three. */
type Place = 'root' | 'people' | 'firstCentre' | 'firstVillage';

interface DemoAccountDef {
  username: string;
  label: string;
  roles: Role[];
  place: Place;
  department: string | null;
  displayName: string;
  title: string;
}

const DEMO_ACCOUNT_DEFS: readonly DemoAccountDef[] = [
  {
    username: 'admin',
    label: '医共体管理员（医疗集团）',
    roles: ['admin'],
    place: 'root',
    department: null,
    displayName: '赵文华',
    title: '信息中心主任',
  },
  {
    username: 'bureau',
    label: '卫健局（医疗集团，只看汇总数据）',
    roles: ['bureau'],
    place: 'root',
    department: null,
    displayName: '梁建国',
    title: '卫健局副局长',
  },
  {
    username: 'coordinator',
    label: '转诊中心协调员（人民医院分级诊疗中心）',
    roles: ['coordinator'],
    place: 'people',
    department: 'referral',
    displayName: '李晓燕',
    title: '分级诊疗中心主任',
  },
  {
    username: 'county.doctor',
    label: '县级医生（人民医院心内科）',
    roles: ['county_doctor'],
    place: 'people',
    department: 'cardiology',
    displayName: '王志刚',
    title: '心内科主治医师',
  },
  {
    username: 'township.doctor',
    label: '乡镇医生（宋古乡卫生院）',
    roles: ['township_doctor'],
    place: 'firstCentre',
    department: 'general',
    displayName: '武俊峰',
    title: '全科主治医师',
  },
  {
    username: 'village.doctor',
    label: '村医（宋古村卫生室）',
    roles: ['village_doctor'],
    place: 'firstVillage',
    department: null,
    displayName: '张建平',
    title: '乡村医生',
  },
  {
    username: 'grid.member',
    label: '网格员（宋古村卫生室）',
    roles: ['grid_member'],
    place: 'firstVillage',
    department: null,
    displayName: '白秀兰',
    title: '慢病网格员',
  },
  {
    username: 'expert',
    label: '坐诊专家（人民医院神经内科）',
    roles: ['expert'],
    place: 'people',
    department: 'neurology',
    displayName: '郭卫东',
    title: '主任医师',
  },
  {
    username: 'reader',
    label: '远程诊断医师（人民医院影像科）',
    roles: ['reader'],
    place: 'people',
    department: 'imaging',
    displayName: '田晓丽',
    title: '影像科副主任医师',
  },
  {
    username: 'dispatcher',
    label: '120调度员（人民医院急诊科）',
    roles: ['dispatcher'],
    place: 'people',
    department: 'emergency',
    displayName: '任海军',
    title: '120调度员',
  },
  {
    username: 'crew',
    label: '急救人员（人民医院急诊科 120 车组）',
    roles: ['crew'],
    place: 'people',
    department: 'emergency',
    displayName: '韩志强',
    title: '急诊科主治医师（随车）',
  },
  {
    username: 'pharmacist',
    label: '药师（人民医院药剂科）',
    roles: ['pharmacist'],
    place: 'people',
    department: 'pharmacy',
    displayName: '贾丽娟',
    title: '主管药师',
  },
  {
    username: 'clerk',
    label: '结算员（人民医院）',
    roles: ['clerk'],
    place: 'people',
    department: null,
    displayName: '侯美玲',
    title: '医保结算员',
  },
  {
    username: 'auditor',
    label: '审计员（医疗集团）',
    roles: ['auditor'],
    place: 'root',
    department: null,
    displayName: '闫红霞',
    title: '审计科科长',
  },
  {
    username: 'city',
    label: '市医保局监管员（只看各县结算汇总，无个人身份信息）',
    roles: ['city'],
    place: 'root',
    department: null,
    displayName: '任志刚',
    title: '市医保局基金监管科',
  },
];

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; label: string; roles: Role[] }> = DEMO_ACCOUNT_DEFS.map(
  ({ username, label, roles }) => ({ username, label, roles }),
);

export function rootCode(profile: CountyProfile): string {
  return `${profile.codePrefix}-GROUP`;
}

function placeCode(profile: CountyProfile, place: Place): string {
  const people = profile.hospitals.find((h) => h.role === 'people');
  if (!people) throw new Error("profile without a people's hospital");
  switch (place) {
    case 'root':
      return rootCode(profile);
    case 'people':
      return people.code;
    case 'firstCentre':
      return profile.centres[0].code;
    case 'firstVillage':
      return profile.centres[0].villages[0].code;
  }
}

/** Hands out usernames like cunyi.1, cunyi.2 ... per prefix, and random plausible names. */
class Roster {
  readonly staff: StaffSeed[] = [];
  private readonly counters = new Map<string, number>();
  private readonly surname: () => string;

  constructor(private readonly rng: Rng) {
    this.surname = surnameSampler(rng);
  }

  add(prefix: string, role: Role, orgCode: string, departmentCode: string | null, title: string): void {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const sex = this.rng.chance(0.5) ? 'M' : 'F';
    const displayName = this.surname() + givenName(this.rng, sex, this.rng.int(1965, 1998));
    this.staff.push({
      orgCode,
      departmentCode,
      username: `${prefix}.${n}`,
      displayName,
      title,
      roles: [role],
      mobile: mobileNumber(this.rng),
    });
  }

  times(count: number, fn: (i: number) => void): void {
    for (let i = 0; i < count; i++) fn(i);
  }
}

const DOCTOR_TITLES = ['主任医师', '副主任医师', '主治医师', '主治医师', '住院医师'];
const TOWNSHIP_TITLES = ['全科主治医师', '执业医师', '执业医师', '执业助理医师'];

function addLocalStaff(r: Roster, profile: CountyProfile, rng: Rng): void {
  const s = profile.staffing;
  for (const centre of profile.centres) {
    const doctorDepartments = centre.departments.filter((d) => d.clinical);
    r.times(s.townshipDoctorsPerCentre, (i) =>
      r.add(
        'xiangyi',
        'township_doctor',
        centre.code,
        doctorDepartments[i % doctorDepartments.length].code,
        rng.pick(TOWNSHIP_TITLES),
      ),
    );
    if (s.supportPerOrg) {
      r.add('yaoshi', 'pharmacist', centre.code, 'pharmacy', '药师');
      r.add('jiesuan', 'clerk', centre.code, null, '收费结算员');
    }
    for (const village of centre.villages) {
      r.times(s.villageDoctorsPerClinic, () => r.add('cunyi', 'village_doctor', village.code, null, '乡村医生'));
      r.times(s.gridMembersPerClinic, () => r.add('wangge', 'grid_member', village.code, null, '慢病网格员'));
    }
  }
}

function addHospitalStaff(r: Roster, profile: CountyProfile, rng: Rng): void {
  const s = profile.staffing;
  for (const h of profile.hospitals) {
    for (const d of h.departments.filter((x) => x.clinical)) {
      r.times(s.countyDoctorsPerDepartment, () =>
        r.add('xianyi', 'county_doctor', h.code, d.code, `${d.name}${rng.pick(DOCTOR_TITLES)}`),
      );
    }
    if (s.supportPerOrg) {
      r.add('yaoshi', 'pharmacist', h.code, 'pharmacy', '主管药师');
      r.add('jiesuan', 'clerk', h.code, null, '医保结算员');
    }
  }
  for (const p of profile.partners) {
    const clinical = p.departments.filter((d) => d.clinical);
    r.times(s.expertsPerPartner, (i) =>
      r.add(
        'zhuanjia',
        'expert',
        p.code,
        clinical[i % clinical.length].code,
        rng.chance(0.6) ? '主任医师' : '副主任医师',
      ),
    );
  }
}

function addGroupExtras(r: Roster, profile: CountyProfile): void {
  const root = rootCode(profile);
  const people = placeCode(profile, 'people');
  r.add('guanli', 'admin', root, null, '信息中心工程师');
  r.add('weijian', 'bureau', root, null, '卫健局医政科科员');
  r.add('shenji', 'auditor', root, null, '审计专员');
  r.add('shijian', 'city', root, null, '市医保局稽核员');
  r.add('xietiao', 'coordinator', people, 'referral', '转诊协调员');
  r.add('yuancheng', 'reader', people, 'ecg', '心电诊断医师');
  r.add('yuancheng', 'reader', people, 'ultrasound', '超声诊断医师');
  r.add('diaodu', 'dispatcher', people, 'emergency', '120调度员');
  r.add('diaodu', 'dispatcher', people, 'emergency', '120调度员');
}

/** Every account to insert for a profile: demo accounts first, then the extras. */
export function planStaff(profile: CountyProfile, rng: Rng): StaffSeed[] {
  const demo = DEMO_ACCOUNT_DEFS.map((a): StaffSeed => ({
    orgCode: placeCode(profile, a.place),
    departmentCode: a.department,
    username: a.username,
    displayName: a.displayName,
    title: a.title,
    roles: a.roles,
    mobile: mobileNumber(rng),
  }));
  const roster = new Roster(rng);
  addHospitalStaff(roster, profile, rng);
  addLocalStaff(roster, profile, rng);
  if (profile.staffing.groupExtras) addGroupExtras(roster, profile);
  return [...demo, ...roster.staff];
}
