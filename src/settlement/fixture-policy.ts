/**
 * FIXTURE parameters from the worked example — NOT official policy: county hospital,
 * registered poor inpatient: deductible ¥300, basic 80%, serious-illness threshold ¥5,000 at
 * 65%, supplementary 50%, assistance 70% (cap ¥30,000), "136" county cap ¥1,000 on all own
 * payment; general residents: deductible ¥600, 75%, deposit ¥2,000; outpatient 门诊统筹 50%
 * at primary level within ¥400 a year; 门诊慢特病 70% for I10/E11 within ¥3,000 a year.
 */
export const FIXTURE_RULES = [
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'basic',
    hospLevel: 'county',
    deductibleFen: 30_000,
    deductiblePer: 'stay',
    ratioBp: 8000,
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'serious',
    hospLevel: '*',
    thresholdFen: 500_000,
    tiers: [{ uptoFen: null, ratioBp: 6500 }],
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'supplementary',
    hospLevel: '*',
    ratioBp: 5000,
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'assistance',
    hospLevel: '*',
    ratioBp: 7000,
    annualCapFen: 3_000_000,
  },
  {
    scheme: 'resident',
    personCat: 'poor',
    setting: 'inpatient',
    layer: 'doudi',
    hospLevel: 'county',
    capFen: 100_000,
    capScope: 'all',
    capPeriod: 'stay',
  },
  {
    scheme: 'resident',
    personCat: '*',
    setting: 'inpatient',
    layer: 'basic',
    hospLevel: '*',
    deductibleFen: 60_000,
    deductiblePer: 'stay',
    ratioBp: 7500,
  },
  { scheme: 'resident', personCat: '*', setting: 'inpatient', layer: 'deposit', hospLevel: '*', amountFen: 200_000 },
  {
    scheme: 'resident',
    personCat: '*',
    setting: 'outpatient',
    layer: 'basic',
    hospLevel: 'primary',
    deductibleFen: 0,
    deductiblePer: 'year',
    ratioBp: 5000,
    annualCapFen: 40_000,
  },
  {
    scheme: 'resident',
    personCat: '*',
    setting: 'chronic',
    layer: 'basic',
    hospLevel: '*',
    deductibleFen: 0,
    deductiblePer: 'year',
    ratioBp: 7000,
    annualCapFen: 300_000,
    diseases: ['I10', 'E11'],
  },
];

export const FIXTURE_PACKAGE = {
  code: 'PKG-K35',
  diseaseName: '急性阑尾炎（单病种）',
  icdPrefixes: ['K35'],
  hospLevel: 'county',
  fixedPriceFen: 800_000,
  patientShareBp: 1000,
};
