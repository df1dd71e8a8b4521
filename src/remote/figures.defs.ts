/**
 * 远程诊断统计: what each figure counts (the definitions shown on the page and in the export),
 * and where it is read from. The SQL of each view (db/views/indicator_remote_*_v01.sql) carries
 * the same definition in its header.
 */
export type RemoteView =
  | 'indicator_remote_turnaround_v01'
  | 'indicator_remote_critical_v01'
  | 'indicator_remote_recognition_v01'
  | 'indicator_remote_readings_v01'
  | 'indicator_remote_ecg_coverage_v01'
  | 'indicator_remote_consults_v01';

/**
 * rate: share of rows whose flag is true; p50: median of a minutes column; count: rows; sum: a
 * column's sum; growth: rows against the same months a year earlier; coverage: distinct villages.
 */
export type FigureKind = 'rate' | 'p50' | 'count' | 'sum' | 'growth' | 'coverage';

export interface FigureDef {
  key: string;
  group: 'turnaround' | 'critical' | 'service';
  label: string;
  definition: string;
  numerator: string;
  denominator: string;
  view: RemoteView;
  /** a column of the view (a constant of this file, never input); null for a row count */
  column: string | null;
  kind: FigureKind;
  /** breakdowns beside the month */
  by: ReadonlyArray<'township' | 'centre'>;
}

/** the views with a centre column: the centre filter applies to them only */
export const CENTRE_VIEWS: ReadonlySet<RemoteView> = new Set([
  'indicator_remote_turnaround_v01',
  'indicator_remote_critical_v01',
  'indicator_remote_recognition_v01',
  'indicator_remote_readings_v01',
]);

const NONE = '无分母（数量）';

export const DEFS: readonly FigureDef[] = [
  {
    key: 'within_limit',
    group: 'turnaround',
    label: '报告时限达标率',
    definition:
      '已出具报告的远程诊断申请中，首次签发时间不晚于应出报告时间（按报告时限表：急诊心电 10 分钟、心电与超声 30 分钟、急诊 CT/MR 60 分钟等）的比例',
    numerator: '签发时间 ≤ 应出报告时间的申请数',
    denominator: '本期首次签发报告的申请数',
    view: 'indicator_remote_turnaround_v01',
    column: 'within_limit',
    kind: 'rate',
    by: ['centre', 'township'],
  },
  {
    key: 'turnaround_p50',
    group: 'turnaround',
    label: '报告用时中位数',
    definition: '从申请（或检查文件到达，取较晚者）到首次签发报告的分钟数的中位数',
    numerator: '中位数，无分子',
    denominator: '本期首次签发报告的申请数',
    view: 'indicator_remote_turnaround_v01',
    column: 'turnaround_min',
    kind: 'p50',
    by: ['centre', 'township'],
  },
  {
    key: 'review_lag_p50',
    group: 'turnaround',
    label: '审核用时中位数',
    definition: '首版报告从书写医师提交审核到审核医师签发的分钟数的中位数（双签）',
    numerator: '中位数，无分子',
    denominator: '有提交审核时间的首版报告',
    view: 'indicator_remote_turnaround_v01',
    column: 'review_lag_min',
    kind: 'p50',
    by: ['centre'],
  },
  {
    key: 'amendment_rate',
    group: 'turnaround',
    label: '报告更正率',
    definition: '已出具报告的申请中，出具过更正报告（第 2 版及以后）的比例',
    numerator: '有第 2 版及以后报告的申请数',
    denominator: '本期首次签发报告的申请数',
    view: 'indicator_remote_turnaround_v01',
    column: 'amended',
    kind: 'rate',
    by: ['centre'],
  },
  {
    key: 'recognition_rate',
    group: 'turnaround',
    label: '结果互认率',
    definition: '可互认项目（有互认期限的检查）的申请中，以近期已签发报告互认、不再重复检查的比例（已取消的不计）',
    numerator: '以互认结案的申请数',
    denominator: '可互认项目的申请数（不含已取消）',
    view: 'indicator_remote_recognition_v01',
    column: 'recognised',
    kind: 'rate',
    by: ['centre', 'township'],
  },
  {
    key: 'critical_rate',
    group: 'critical',
    label: '危急值发生率',
    definition: '已出具报告的申请中，经双人核对并通知申请机构危急值的比例（参考：某县心电中心 0.35%）',
    numerator: '有已通知危急值的申请数',
    denominator: '本期首次签发报告的申请数',
    view: 'indicator_remote_turnaround_v01',
    column: 'critical',
    kind: 'rate',
    by: ['centre'],
  },
  {
    key: 'ack_p50',
    group: 'critical',
    label: '危急值确认用时中位数',
    definition: '危急值从通知申请机构到接收医师复述确认的分钟数的中位数',
    numerator: '中位数，无分子',
    denominator: '已确认的危急值',
    view: 'indicator_remote_critical_v01',
    column: 'ack_min',
    kind: 'p50',
    by: ['township'],
  },
  {
    key: 'ack_15min',
    group: 'critical',
    label: '危急值 15 分钟内确认率',
    definition: '通知后 15 分钟内（含）由接收医师复述确认的危急值比例；未确认的按未达标计',
    numerator: '通知后 ≤ 15 分钟确认的危急值数',
    denominator: '本期通知的危急值（不含撤回）',
    view: 'indicator_remote_critical_v01',
    column: 'ack_15min',
    kind: 'rate',
    by: ['township'],
  },
  {
    key: 'acted_30min',
    group: 'critical',
    label: '危急值 30 分钟内处置率',
    definition: '通知后 30 分钟内（含）记录处置的危急值比例；未处置的按未达标计',
    numerator: '通知后 ≤ 30 分钟处置的危急值数',
    denominator: '本期通知的危急值（不含撤回）',
    view: 'indicator_remote_critical_v01',
    column: 'acted_30min',
    kind: 'rate',
    by: ['township'],
  },
  {
    key: 'documented_6h',
    group: 'critical',
    label: '危急值 6 小时内病程记录率',
    definition: '通知后 6 小时内（含）写入病程记录的危急值比例；未记录的按未达标计',
    numerator: '通知后 ≤ 6 小时有病程记录的危急值数',
    denominator: '本期通知的危急值（不含撤回）',
    view: 'indicator_remote_critical_v01',
    column: 'documented_6h',
    kind: 'rate',
    by: ['township'],
  },
  {
    key: 'escalations',
    group: 'critical',
    label: '危急值升级次数',
    definition:
      '调度程序升级危急值的次数：15 分钟未确认通知值班医师与负责人，30 分钟未处置通知医务科，6 小时病程记录到期',
    numerator: '升级记录数',
    denominator: NONE,
    view: 'indicator_remote_critical_v01',
    column: 'escalations',
    kind: 'sum',
    by: ['township'],
  },
  {
    key: 'readings',
    group: 'service',
    label: '远程诊断与云诊断服务量',
    definition:
      '村级健康一体机上传的读数（血压、血糖、血氧、体温、心电）与发往诊断中心的诊断申请（不含已取消），按申请机构所属乡镇统计',
    numerator: '读数与申请数',
    denominator: NONE,
    view: 'indicator_remote_readings_v01',
    column: null,
    kind: 'count',
    by: ['township'],
  },
  {
    key: 'ecg_coverage',
    group: 'service',
    label: '心电设备村级覆盖率',
    definition: '在用村卫生室中，本期健康一体机至少上传过一份心电图的村卫生室比例（国家 2024 年监测指标）',
    numerator: '本期上传过心电图的村卫生室数',
    denominator: '在用村卫生室数',
    view: 'indicator_remote_ecg_coverage_v01',
    column: null,
    kind: 'coverage',
    by: ['township'],
  },
  {
    key: 'consults',
    group: 'service',
    label: '远程会诊量',
    definition: '申请的远程会诊（不含已取消；被拒绝的申请也计入），按申请月份统计',
    numerator: '会诊申请数',
    denominator: NONE,
    view: 'indicator_remote_consults_v01',
    column: null,
    kind: 'count',
    by: ['township'],
  },
  {
    key: 'consult_growth',
    group: 'service',
    label: '远程会诊同比增长率',
    definition: '本期远程会诊量较上年同期的增长率：（本期 ÷ 上年同期 − 1）× 100%（新疆目标：每年 +20%）',
    numerator: '本期会诊申请数',
    denominator: '上年同期会诊申请数',
    view: 'indicator_remote_consults_v01',
    column: null,
    kind: 'growth',
    by: ['township'],
  },
];

export const CENTRE_NAMES: Record<string, string> = {
  ecg: '心电',
  imaging: '影像',
  ultrasound: '超声',
  pathology: '病理',
};
