import { z } from 'zod';

/**
 * The response shapes of the policy, figures and city supervision endpoints (issue 15), as
 * the services in src/settlement/ return them. Rules and packages come back in the database's
 * snake_case (calc.ts `Rule`/`Package`); a save sends the camelCase `ruleInput`/`packageInput`.
 */
const scheme = z.enum(['resident', 'employee']);
const personCat = z.enum(['*', 'poor', 'low_income', 'extreme_poor', 'general']);
const setting = z.enum(['inpatient', 'outpatient', 'chronic']);
const layer = z.enum(['basic', 'serious', 'supplementary', 'assistance', 'doudi', 'deposit']);
const hospLevel = z.enum(['*', 'primary', 'county', 'city', 'province']);

export const policyVersion = z.object({
  id: z.number(),
  versionNo: z.number(),
  title: z.string(),
  effectiveFrom: z.string(),
  docRef: z.string(),
  demo: z.boolean(),
  status: z.enum(['draft', 'published']),
  basedOn: z.number().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyVersion = z.infer<typeof policyVersion>;

export const policyVersions = z.object({ items: z.array(policyVersion), inForceId: z.number().nullable() });

export const policyRule = z.object({
  id: z.number(),
  scheme,
  person_cat: personCat,
  setting,
  layer,
  hosp_level: hospLevel,
  deductible_fen: z.number().nullable(),
  deductible_per: z.enum(['stay', 'year']).nullable(),
  ratio_bp: z.number().nullable(),
  threshold_fen: z.number().nullable(),
  tiers: z.array(z.object({ upto_fen: z.number().nullable(), ratio_bp: z.number() })).nullable(),
  annual_cap_fen: z.number().nullable(),
  cap_fen: z.number().nullable(),
  cap_scope: z.enum(['all', 'compliant']).nullable(),
  cap_period: z.enum(['stay', 'year']).nullable(),
  amount_fen: z.number().nullable(),
  diseases: z.array(z.string()).nullable(),
  doc_ref: z.string().nullable(),
});
export type PolicyRule = z.infer<typeof policyRule>;

export const policyPackage = z.object({
  id: z.number(),
  code: z.string(),
  disease_name: z.string(),
  icd_prefixes: z.array(z.string()),
  hosp_level: hospLevel,
  org_id: z.number().nullable(),
  fixed_price_fen: z.number(),
  patient_share_bp: z.number(),
  doc_ref: z.string().nullish(),
});
export type PolicyPackage = z.infer<typeof policyPackage>;

export const policyVersionDetail = policyVersion.extend({
  rules: z.array(policyRule),
  packages: z.array(policyPackage),
});
export type PolicyVersionDetail = z.infer<typeof policyVersionDetail>;

const payerShare = z.object({
  payer: z.enum(['basic', 'serious', 'supplementary', 'assistance', 'doudi']),
  label: z.string(),
  fen: z.number(),
  ratio: z.number().nullable(),
});
const levelRow = z.object({
  hospLevel: z.string().nullable(),
  settlements: z.number(),
  totalFen: z.number(),
  fundFen: z.number(),
  patientFen: z.number(),
  ratio: z.number().nullable(),
  payers: z.array(payerShare),
});
export type LevelRow = z.infer<typeof levelRow>;
const figureHead = {
  definition: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  view: z.string(),
};

export const settlementFigures = z.object({
  year: z.number(),
  poorInpatientRatio: z.object({ ...figureHead, total: levelRow, byLevel: z.array(levelRow) }),
  trend: z.array(
    z.object({
      month: z.union([z.string(), z.number()]).transform(String),
      settlements: z.number(),
      poorRatio: z.number().nullable(),
      allRatio: z.number().nullable(),
    }),
  ),
  ownPay: z.object({
    ...figureHead,
    rows: z.array(
      z.object({
        personCat: z.string(),
        stays: z.number(),
        medianFen: z.number(),
        p90Fen: z.number(),
        atCap: z.number(),
        atCapShare: z.number().nullable(),
      }),
    ),
  }),
  advance: z.object({
    ...figureHead,
    rows: z.array(
      z.object({
        orgId: z.number(),
        orgName: z.string(),
        payer: z.string(),
        payerLabel: z.string().nullish(),
        outstandingFen: z.number(),
        over30Fen: z.number(),
        advancedFen: z.number(),
        paidFen: z.number(),
      }),
    ),
  }),
  packages: z.object({
    ...figureHead,
    share: z.number().nullable(),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string().nullable(),
        stays: z.number(),
        totalFen: z.number(),
        hospitalFen: z.number(),
        avgPatientFen: z.number(),
      }),
    ),
  }),
  fundShare: z.object({
    ...figureHead,
    inCountyFen: z.number(),
    primaryFen: z.number(),
    outOfCountyFen: z.number(),
    outOfCountyRecords: z.number(),
    inCountyShare: z.number().nullable(),
    primaryShare: z.number().nullable(),
  }),
});
export type SettlementFigures = z.infer<typeof settlementFigures>;

export const cityOverview = z.object({
  source: z.enum(['city', 'local']),
  year: z.number(),
  replication: z.array(z.object({ name: z.string(), receivedAt: z.string().nullable() })).nullable(),
  counties: z.array(
    z.object({
      countyCode: z.string(),
      countyName: z.string(),
      hospLevel: z.string(),
      settlements: z.number(),
      reversals: z.number(),
      totalFen: z.number(),
      fundFen: z.number(),
      patientFen: z.number(),
      hospitalFen: z.number(),
      advanceFen: z.number(),
      poorRatio: z.number().nullable(),
      lastConfirmedAt: z.string().nullable(),
      behindSeconds: z.number().nullable(),
    }),
  ),
  recent: z.array(
    z.object({
      countyCode: z.string(),
      countyName: z.string(),
      settlementNo: z.string(),
      orgName: z.string(),
      hospLevel: z.string(),
      setting: z.string(),
      kind: z.string(),
      reversesNo: z.string().nullable(),
      personCat: z.string(),
      sex: z.string(),
      ageBand: z.string(),
      settledOn: z.string(),
      confirmedAt: z.string(),
      diagnosisCode: z.string().nullable(),
      packageCode: z.string().nullable(),
      totalFen: z.number(),
      fundFen: z.number(),
      patientFen: z.number(),
    }),
  ),
});
export type CityOverview = z.infer<typeof cityOverview>;
