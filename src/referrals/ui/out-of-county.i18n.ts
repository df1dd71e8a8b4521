import { defineDict } from '../../web/i18n.ts';

/** 县外就诊登记: out-of-county visits imported from the insurance settlement list. */
export const outOfCountyMessages = defineDict({
  title: ['县外就诊登记', 'Out-of-county visits'],
  import: ['CSV 导入', 'CSV import'],
  columns: [
    '列：身份证号、就诊日期（YYYY-MM-DD）、医院名称、医院级别（国家级/省级/市级/外县）、就诊类型（门诊/住院）、诊断编码（可空）、费用(元)、原因。重复导入不会重复登记。',
    'Columns: ID number, visit date (YYYY-MM-DD), hospital name, hospital level (国家级/省级/市级/外县: national, provincial, city, other county), visit type (门诊/住院: outpatient, inpatient), diagnosis code (may be empty), cost (yuan), reason. Importing the same rows again does not register them twice.',
  ],
  /** the header row the settlement list carries: the file format, the same in both languages */
  template: [
    '身份证号,就诊日期,医院名称,医院级别,就诊类型,诊断编码,费用(元),原因\n',
    '身份证号,就诊日期,医院名称,医院级别,就诊类型,诊断编码,费用(元),原因\n',
  ],
  chooseFile: ['选择 CSV 文件', 'Choose a CSV file'],
  content: ['CSV 内容', 'CSV content'],
  run: ['校验并导入', 'Check and import'],
  report: [
    '共 {total} 行：导入 {imported} 行，重复 {duplicates} 行，拒绝 {rejected} 行',
    '{total} rows: {imported} imported, {duplicates} duplicates, {rejected} rejected',
  ],
  row: ['行号', 'Row'],
  reasons: ['原因', 'Reasons'],
  reasonSeparator: ['；', '; '],
  raw: ['原始内容', 'Raw content'],
  registered: ['已登记', 'Registered'],
  date: ['日期', 'Date'],
  resident: ['居民', 'Resident'],
  hospital: ['医院', 'Hospital'],
  level: ['级别', 'Level'],
  type: ['类型', 'Type'],
  inpatient: ['住院', 'Inpatient'],
  outpatient: ['门诊', 'Outpatient'],
  diagnosis: ['诊断', 'Diagnosis'],
  cost: ['费用（元）', 'Cost (yuan)'],
});

export const HOSPITAL_LEVELS: Record<string, readonly [zh: string, en: string]> = {
  national: ['国家级', 'National'],
  provincial: ['省级', 'Provincial'],
  city: ['市级', 'City'],
  other_county: ['外县', 'Other county'],
};
