import { checkDigit } from '../residents/id-number.ts';
import { divisionName } from '../residents/division-codes.ts';
import { namePinyin } from '../residents/pinyin.ts';
import { givenName, surnameSampler } from './names.ts';
import type { Rng, Weighted } from './random.ts';

/**
 * Residents of one village, household by household. Pure: no database, so the demography
 * can be checked in memory and the same seed always yields the same people.
 */

/**
 * Ages are counted at 1 January of this year and nobody is born later: fixed, not today,
 * so a seed yields the same county on any day (and no birth date lies in the future).
 */
export const REFERENCE_YEAR = 2026;
const LAST_BIRTH_YEAR = REFERENCE_YEAR - 1;

export type Sex = 'M' | 'F';

export interface ResidentSeed {
  name: string;
  namePinyin: string;
  nameInitials: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  mobile: string | null;
  village: string;
  householdNo: string;
  address: string;
  insuranceType: 'employee' | 'resident' | 'none';
  registeredPoor: boolean;
  chronicConditions: string[];
  deceasedOn: string | null;
}

export interface VillagePlace {
  village: string;
  township: string;
  /** 12 digits (9-digit township code + 3-digit village number); + 4-digit household */
  householdPrefix: string;
  urban: boolean;
  /** the county's current 6-digit address code */
  divisionCode: string;
}

/** Brides from nearby counties keep their birthplace code: IDs in a real register do. */
const NEIGHBOUR_CODES = ['140728', '140729', '140727', '140702', '141181', '141182', '141129'];
/** 介休县 (1982–1991) and 晋中地区介休市 (1992–1998): codes on IDs first issued back then. */
const HISTORICAL = { county: '142432', city: '142402' } as const;
for (const code of [...NEIGHBOUR_CODES, HISTORICAL.county, HISTORICAL.city]) {
  if (!divisionName(code)) throw new Error(`seed: ${code} is not a known division code`);
}

const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '183',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '133',
  '153',
  '180',
  '189',
  '177',
  '199',
  '166',
  '198',
];

/** Names kept out of the random draw: the known residents must be the only zsm in the county. */
const RESERVED_INITIALS = 'zsm';

interface Person {
  sex: Sex;
  age: number;
  surname: string;
  marriedIn: boolean;
}

const pinyinCache = new Map<string, { full: string; initials: string }>();
function cachedPinyin(name: string): { full: string; initials: string } {
  let p = pinyinCache.get(name);
  if (!p) {
    p = namePinyin(name);
    pinyinCache.set(name, p);
  }
  return p;
}

/** Tracks every ID number issued so far: the column is UNIQUE and a retry is cheaper than a failed batch. */
export class IdRegistry {
  private readonly used = new Set<string>();

  claim(id: string): void {
    if (this.used.has(id)) throw new Error(`seed: duplicate ID number ${id}`);
    this.used.add(id);
  }

  issue(rng: Rng, region: string, birthDate: string, sex: Sex): string {
    const ymd = birthDate.replaceAll('-', '');
    for (;;) {
      // the 17th digit is odd for men, even for women (GB 11643)
      const seq = String(rng.int(0, 99)).padStart(2, '0') + String(rng.int(0, 4) * 2 + (sex === 'M' ? 1 : 0));
      const first17 = region + ymd + seq;
      const id = first17 + checkDigit(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function randomDate(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(rng.int(1, days))}`;
}

function ageBetween(rng: Rng, buckets: Weighted<readonly [number, number]>): number {
  const [lo, hi] = rng.weighted(buckets);
  return rng.int(lo, hi);
}

/**
 * Household shapes tuned so the county's pyramid looks like Shanxi's 2020 census: about 15%
 * children, a bulge at 35–60, about 19% aged 60+ (many "empty-nest" elderly couples and
 * grandparents raising left-behind grandchildren).
 */
const HOUSEHOLD_KINDS: Weighted<'family' | 'elderly' | 'single'> = [
  ['family', 0.6],
  ['elderly', 0.26],
  ['single', 0.14],
];
const FAMILY_HEAD_AGES: Weighted<readonly [number, number]> = [
  [[25, 34], 0.2],
  [[35, 44], 0.3],
  [[45, 54], 0.32],
  [[55, 59], 0.18],
];
const ELDERLY_HEAD_AGES: Weighted<readonly [number, number]> = [
  [[60, 69], 0.52],
  [[70, 79], 0.33],
  [[80, 89], 0.13],
  [[90, 99], 0.02],
];
const SINGLE_AGES: Weighted<readonly [number, number]> = [
  [[18, 29], 0.45],
  [[30, 59], 0.55],
];
const CHILD_COUNTS: Weighted<number> = [
  [0, 0.22],
  [1, 0.45],
  [2, 0.3],
  [3, 0.03],
];

export class PeopleFactory {
  private readonly surname: () => string;

  constructor(
    private readonly rng: Rng,
    private readonly ids: IdRegistry,
  ) {
    this.surname = surnameSampler(rng);
  }

  /** `count` residents for one village, in households numbered from 1. */
  village(place: VillagePlace, count: number): ResidentSeed[] {
    const out: ResidentSeed[] = [];
    let household = 0;
    while (out.length < count) {
      household += 1;
      const members = this.household().slice(0, count - out.length);
      const poor = this.rng.chance(place.urban ? 0.015 : 0.045);
      const householdNo = place.householdPrefix + pad(household, 4);
      const address = `${place.township}${place.village}${household}号`;
      for (const m of members) out.push(this.resident(m, place, { householdNo, address, poor }));
    }
    return out;
  }

  private household(): Person[] {
    switch (this.rng.weighted(HOUSEHOLD_KINDS)) {
      case 'family':
        return this.family();
      case 'elderly':
        return this.elderly();
      case 'single':
        return [this.person(this.rng.chance(0.6) ? 'M' : 'F', ageBetween(this.rng, SINGLE_AGES))];
    }
  }

  private family(): Person[] {
    const rng = this.rng;
    const head = this.person(rng.chance(0.88) ? 'M' : 'F', ageBetween(rng, FAMILY_HEAD_AGES));
    const members = [head];
    const spouse = rng.chance(0.92) ? this.spouseOf(head) : null;
    if (spouse) members.push(spouse);
    const family = head.sex === 'M' || !spouse ? head.surname : spouse.surname;
    const mother = head.sex === 'F' ? head : spouse;
    const children = rng.weighted(CHILD_COUNTS);
    for (let i = 0; i < children; i++) {
      const age = (mother ?? head).age - rng.int(22, 34);
      if (age >= 0) members.push({ sex: this.babySex(), age, surname: family, marriedIn: false });
    }
    // grandparents raising a left-behind grandchild while the parents work in the city
    if (head.age >= 48 && rng.chance(0.35))
      members.push({ sex: this.babySex(), age: rng.int(0, 12), surname: family, marriedIn: false });
    if (head.age <= 50 && rng.chance(0.2)) {
      const age = Math.min(head.age + rng.int(24, 32), 98);
      const sex: Sex = rng.chance(0.6) ? 'F' : 'M';
      members.push({ sex, age, surname: sex === 'M' ? family : this.surname(), marriedIn: false });
    }
    return members;
  }

  private elderly(): Person[] {
    const head = this.person(this.rng.chance(0.7) ? 'M' : 'F', ageBetween(this.rng, ELDERLY_HEAD_AGES));
    const members = [head];
    if (this.rng.chance(0.62)) members.push(this.spouseOf(head));
    if (this.rng.chance(0.22))
      members.push({ sex: this.babySex(), age: this.rng.int(0, 14), surname: head.surname, marriedIn: false });
    return members;
  }

  private person(sex: Sex, age: number): Person {
    return { sex, age, surname: this.surname(), marriedIn: false };
  }

  private spouseOf(p: Person): Person {
    const sex: Sex = p.sex === 'M' ? 'F' : 'M';
    const age = Math.max(20, p.age + (sex === 'F' ? -this.rng.int(0, 4) : this.rng.int(0, 4)));
    return { sex, age, surname: this.surname(), marriedIn: sex === 'F' && this.rng.chance(0.15) };
  }

  /** Shanxi's sex ratio at birth has run above 105 boys per 100 girls. */
  private babySex(): Sex {
    return this.rng.chance(0.525) ? 'M' : 'F';
  }

  private fullName(p: Person, birthYear: number): { name: string; full: string; initials: string } {
    for (;;) {
      const name = p.surname + givenName(this.rng, p.sex, birthYear);
      const py = cachedPinyin(name);
      if (py.initials !== RESERVED_INITIALS) return { name, ...py };
    }
  }

  private resident(
    p: Person,
    place: VillagePlace,
    home: { householdNo: string; address: string; poor: boolean },
  ): ResidentSeed {
    const rng = this.rng;
    const birthYear = LAST_BIRTH_YEAR - p.age;
    const birthDate = randomDate(rng, birthYear);
    const { name, full, initials } = this.fullName(p, birthYear);
    return {
      name,
      namePinyin: full,
      nameInitials: initials,
      sex: p.sex,
      birthDate,
      idNumber: this.ids.issue(rng, this.regionFor(p, birthYear, place.divisionCode), birthDate, p.sex),
      mobile: rng.chance(mobileShare(p.age)) ? mobileNumber(rng) : null,
      village: place.village,
      householdNo: home.householdNo,
      address: home.address,
      insuranceType: this.insurance(p.age, place.urban),
      registeredPoor: home.poor,
      chronicConditions: this.conditions(p.age),
      deceasedOn: this.deceased(p.age, birthYear),
    };
  }

  private regionFor(p: Person, birthYear: number, home: string): string {
    if (p.marriedIn) return this.rng.pick(NEIGHBOUR_CODES);
    if (birthYear <= 1975 && this.rng.chance(0.06)) return HISTORICAL.county;
    if (birthYear >= 1976 && birthYear <= 1982 && this.rng.chance(0.05)) return HISTORICAL.city;
    return home;
  }

  private insurance(age: number, urban: boolean): ResidentSeed['insuranceType'] {
    const employee = age >= 18 && age < 60 ? (urban ? 0.35 : 0.08) : age >= 60 ? (urban ? 0.25 : 0.05) : 0;
    const r = this.rng.next();
    if (r < employee) return 'employee';
    return age >= 18 && r > 0.99 ? 'none' : 'resident';
  }

  private conditions(age: number): string[] {
    if (age < 35) return age >= 18 && this.rng.chance(0.004) ? ['mental'] : [];
    const band = age < 45 ? 0 : age < 55 ? 1 : age < 65 ? 2 : 3;
    const rng = this.rng;
    const out: string[] = [];
    if (rng.chance([0.18, 0.27, 0.36, 0.45][band])) out.push('hypertension');
    if (rng.chance([0.07, 0.1, 0.13, 0.15][band])) out.push('diabetes');
    if (rng.chance([0, 0.01, 0.03, 0.07][band])) out.push('coronary');
    if (rng.chance([0, 0, 0.02, 0.05][band])) out.push('stroke');
    if (age >= 50 && rng.chance(age >= 65 ? 0.07 : 0.03)) out.push('copd');
    if (age >= 50 && rng.chance(0.01)) out.push('cancer');
    if (rng.chance(0.004)) out.push('mental');
    return out;
  }

  /** A few of the very old died in the last three years: the "average age at death" indicator needs them. */
  private deceased(age: number, birthYear: number): string | null {
    const p = age >= 85 ? 0.06 : age >= 75 ? 0.02 : 0;
    if (p === 0 || !this.rng.chance(p)) return null;
    return randomDate(this.rng, Math.max(birthYear + 1, LAST_BIRTH_YEAR - this.rng.int(0, 2)));
  }
}

export function mobileNumber(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

function mobileShare(age: number): number {
  if (age < 14) return 0;
  if (age < 18) return 0.3;
  if (age < 60) return 0.93;
  if (age < 70) return 0.75;
  if (age < 80) return 0.45;
  return 0.15;
}

/** Fixed people the demos and e2e journeys rely on, identical for every seed. */
export function knownResident(name: '张三明' | '张思敏', place: VillagePlace, ids: IdRegistry): ResidentSeed {
  const male = name === '张三明';
  // sequence 021 (odd 17th digit: male) and 042 (even: female)
  const first17 = male ? `${place.divisionCode}19660412021` : `${place.divisionCode}19790823042`;
  const idNumber = first17 + checkDigit(first17);
  ids.claim(idNumber);
  const py = cachedPinyin(name);
  return {
    name,
    namePinyin: py.full,
    nameInitials: py.initials,
    sex: male ? 'M' : 'F',
    birthDate: male ? '1966-04-12' : '1979-08-23',
    idNumber,
    mobile: male ? '13935412688' : '15835467012',
    village: place.village,
    householdNo: place.householdPrefix + '9001',
    address: `${place.township}${place.village}88号`,
    insuranceType: 'resident',
    registeredPoor: false,
    chronicConditions: male ? ['hypertension'] : ['diabetes'],
    deceasedOn: null,
  };
}
