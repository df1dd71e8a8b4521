import type { CareLevel } from './icd10.ts';

/**
 * 分级诊疗 guidance: which level should treat a condition, and where a stable patient goes
 * after the acute phase ("小病在基层、大病到医院、康复回基层"). Matched by the longest ICD-10
 * prefix; conditions not listed default to the township centre. speciality names match
 * org.specialities (SPECIALITY in src/seed/profiles.ts).
 */
export interface GuidanceRule {
  prefix: string;
  level: CareLevel;
  /** after the acute phase: where recovery and chronic care happen */
  downTo?: CareLevel;
  speciality?: string;
  note: string;
}

export const GUIDANCE: readonly GuidanceRule[] = [
  { prefix: 'I10', level: 'village', note: '血压控制稳定的高血压由村医签约管理，季度随访' },
  { prefix: 'I11', level: 'township', note: '高血压心脏病在乡镇卫生院调整用药' },
  { prefix: 'I11.0', level: 'county', downTo: 'township', note: '合并心力衰竭需县级医院治疗' },
  { prefix: 'E11.9', level: 'village', note: '血糖控制稳定的2型糖尿病由村医管理' },
  { prefix: 'E14.9', level: 'village', note: '血糖控制稳定的糖尿病由村医管理' },
  { prefix: 'E11', level: 'township', note: '糖尿病并发症在乡镇卫生院评估，必要时上转' },
  { prefix: 'E11.0', level: 'county', downTo: 'village', note: '糖尿病昏迷需县级医院抢救' },
  { prefix: 'E11.1', level: 'county', downTo: 'village', note: '酮症酸中毒需县级医院救治' },
  { prefix: 'E78', level: 'village', note: '高脂血症由村医随访' },
  { prefix: 'J00', level: 'village', note: '感冒在村卫生室诊治' },
  { prefix: 'J02', level: 'village', note: '急性咽炎在村卫生室诊治' },
  { prefix: 'J06', level: 'village', note: '上呼吸道感染在村卫生室诊治' },
  { prefix: 'J20', level: 'township', note: '急性支气管炎在乡镇卫生院诊治' },
  { prefix: 'J44', level: 'township', downTo: 'village', note: 'COPD稳定期在基层管理' },
  { prefix: 'J44.1', level: 'county', downTo: 'township', note: 'COPD急性加重需县级医院治疗' },
  { prefix: 'J96', level: 'county', downTo: 'township', note: '呼吸衰竭需县级医院重症治疗' },
  { prefix: 'I20.0', level: 'county', downTo: 'village', note: '不稳定型心绞痛：胸痛中心' },
  {
    prefix: 'I21',
    level: 'county',
    downTo: 'village',
    speciality: '心血管',
    note: '急性心肌梗死：胸痛中心，稳定后回基层随访',
  },
  { prefix: 'I25', level: 'township', downTo: 'village', speciality: '心血管', note: '慢性冠心病在乡镇卫生院管理' },
  { prefix: 'I48', level: 'county', downTo: 'township', note: '房颤需县级医院评估抗凝' },
  { prefix: 'I50', level: 'county', downTo: 'township', note: '心力衰竭急性期在县级医院' },
  { prefix: 'I60', level: 'county', downTo: 'township', speciality: '康复', note: '蛛网膜下腔出血：卒中中心' },
  {
    prefix: 'I61',
    level: 'county',
    downTo: 'township',
    speciality: '康复',
    note: '脑出血：卒中中心，稳定后下转乡镇康复',
  },
  {
    prefix: 'I63',
    level: 'county',
    downTo: 'township',
    speciality: '康复',
    note: '脑梗死：卒中中心，稳定后下转乡镇康复中心',
  },
  {
    prefix: 'I64',
    level: 'county',
    downTo: 'township',
    speciality: '康复',
    note: '脑卒中：卒中中心，稳定后下转乡镇康复',
  },
  { prefix: 'I69', level: 'township', downTo: 'village', speciality: '康复', note: '卒中后遗症在乡镇康复中心康复' },
  { prefix: 'G81', level: 'township', speciality: '康复', note: '偏瘫康复在乡镇康复中心' },
  { prefix: 'I71.0', level: 'above', note: '主动脉夹层需上转省级医院' },
  { prefix: 'Q21', level: 'above', note: '先天性心脏病手术需上转省级医院' },
  {
    prefix: 'C',
    level: 'county',
    downTo: 'township',
    speciality: '安宁疗护',
    note: '恶性肿瘤在县级医院诊治，复杂病例上转',
  },
  { prefix: 'C22', level: 'above', downTo: 'township', speciality: '安宁疗护', note: '肝癌需上级医院综合治疗' },
  { prefix: 'C25', level: 'above', downTo: 'township', speciality: '安宁疗护', note: '胰腺癌需上级医院综合治疗' },
  { prefix: 'C91', level: 'above', note: '白血病需上转省级血液专科' },
  { prefix: 'C92', level: 'above', note: '白血病需上转省级血液专科' },
  { prefix: 'C80.9', level: 'township', speciality: '安宁疗护', note: '肿瘤终末期在乡镇安宁疗护病区' },
  { prefix: 'Z51.5', level: 'township', speciality: '安宁疗护', note: '姑息治疗在乡镇安宁疗护病区' },
  { prefix: 'Z51.1', level: 'county', note: '化疗在县级医院' },
  { prefix: 'F03', level: 'township', speciality: '医养结合', note: '痴呆照护在医养结合病区' },
  { prefix: 'G30', level: 'township', speciality: '医养结合', note: '阿尔茨海默病照护在医养结合病区' },
  { prefix: 'Z74.0', level: 'township', speciality: '医养结合', note: '失能照护在医养结合病区' },
  { prefix: 'F20', level: 'township', speciality: '精神卫生', note: '精神分裂症稳定期在乡镇精神卫生科管理' },
  { prefix: 'F31', level: 'township', speciality: '精神卫生', note: '双相障碍稳定期在乡镇精神卫生科管理' },
  { prefix: 'F32', level: 'township', speciality: '精神卫生', note: '抑郁发作在乡镇精神卫生科评估' },
  { prefix: 'M47', level: 'township', speciality: '康复', note: '颈椎病在乡镇康复/骨科' },
  { prefix: 'M51', level: 'township', speciality: '康复', note: '腰椎间盘突出保守治疗在乡镇' },
  { prefix: 'M17', level: 'township', speciality: '骨科', note: '膝关节病在乡镇骨科' },
  {
    prefix: 'S72',
    level: 'county',
    downTo: 'township',
    speciality: '康复',
    note: '股骨骨折手术在县级医院，术后下转康复',
  },
  { prefix: 'S06.5', level: 'county', downTo: 'township', speciality: '康复', note: '创伤性颅内出血：创伤中心' },
  { prefix: 'Z47', level: 'township', speciality: '康复', note: '骨科术后康复在乡镇康复中心' },
  { prefix: 'Z50', level: 'township', speciality: '康复', note: '康复治疗在乡镇康复中心' },
  { prefix: 'Z54', level: 'township', speciality: '康复', note: '术后恢复期在乡镇卫生院' },
  { prefix: 'Z96.6', level: 'township', speciality: '康复', note: '关节置换术后康复在乡镇' },
  { prefix: 'O14', level: 'county', note: '重度子痫前期：危重孕产妇救治中心' },
  { prefix: 'O15', level: 'county', note: '子痫：危重孕产妇救治中心' },
  { prefix: 'O45', level: 'county', note: '胎盘早剥：危重孕产妇救治中心' },
  { prefix: 'O72', level: 'county', note: '产后出血：危重孕产妇救治中心' },
  { prefix: 'O80', level: 'county', note: '分娩在县妇幼保健院' },
  { prefix: 'Z34', level: 'township', note: '正常孕期保健在乡镇卫生院' },
  { prefix: 'Z35', level: 'county', note: '高危妊娠在县妇幼保健院管理' },
  { prefix: 'P', level: 'county', note: '新生儿疾病：危重新生儿救治中心' },
  { prefix: 'T60', level: 'county', note: '农药中毒需县级医院抢救' },
  { prefix: 'T58', level: 'county', note: '一氧化碳中毒需县级医院高压氧治疗' },
  { prefix: 'K35', level: 'county', note: '阑尾炎手术在县级医院' },
  { prefix: 'K56', level: 'county', note: '肠梗阻在县级医院' },
  { prefix: 'K92.2', level: 'county', note: '消化道出血在县级医院' },
  { prefix: 'N17', level: 'county', note: '急性肾衰竭在县级医院' },
  { prefix: 'N18.5', level: 'county', downTo: 'township', note: '尿毒症透析在县级医院' },
  { prefix: 'H25', level: 'county', note: '白内障手术在县级医院' },
];
