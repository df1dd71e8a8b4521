import { defineDict } from './i18n.ts';

/** One line per page for the home dashboard (nav.tsx). */
export const NAV_BLURBS = defineDict({
  dayList: [
    '网格预警、逾期与到期随访、转诊草稿、下转任务、待续签，一屏做完',
    'Alerts, follow-ups due, referral drafts, tasks, renewals',
  ],
  chronicCases: [
    '高血压、糖尿病档案与规范随访，逾期与分类筛选',
    'Hypertension and diabetes registry with 规范 follow-ups',
  ],
  myGrid: ['我网格里的患者：家庭血压、血糖、观察记录与每周交流', 'Your grid: home readings, observations, weekly log'],
  grids: ['网格建立、编入患者（每格 ≤ 20 人，每位村医 ≤ 15 格）', 'Grids of ≤ 20 patients, ≤ 15 per village doctor'],
  fdContracts: [
    '签约、续签、解约、变更团队，待续签与签而不约名单，履约',
    'Contracts, renewals, idle contracts, fulfilment',
  ],
  fdSign: ['手机上为居民或全户签约，手写签名', 'Sign a resident or a household on the phone'],
  fdTeams: ['1+1+N 团队、服务村，服务包及其版本', '1+1+N teams, villages served, package versions'],
  // ---- drugs: catalogue (issue 14)
  drugCatalogue: [
    '全县一个目录：医保编码、拼音检索、甲乙类与基药集采，统一价格与调价、表格导入',
    'One county catalogue: codes, pinyin search, classes, one price, import',
  ],

  // ---- drugs: requests, procurement, distribution (issue 14)
  pharmacyRequests: [
    '村、乡镇向中心药房请领药品耗材，可按库存下限与用量建议',
    'Ask the central pharmacy for stock, or take the suggestion',
  ],
  pharmacyPurchase: [
    '汇总请领单按配送企业生成采购单，按批号效期追溯码验收入库',
    'Consolidate requests into purchase orders; receive by batch',
  ],
  pharmacyDistribution: [
    '配送与调剂：审核、拣货、发货、收货确认，差异处理',
    'Distribution and transfers: pick, ship, receive, discrepancies',
  ],

  // ---- drugs: stock, dispensing, recall, figures (issue 14)
  drugDispense: [
    '按处方或简易处方发药，近效期先出，扫追溯码，打印用药标签，退药与缺药登记',
    'Dispense first-expiry-first, scan trace codes, labels, returns, shortages',
  ],
  drugStock: [
    '按批次的库存、近效期与过期、封存、库存流水，盘点与差异审核',
    'Stock by batch, near expiry, blocked, ledger, stock-take',
  ],
  drugRecalls: [
    '按批号召回：全县即时封存，列出领药居民逐一联系',
    'Recall a batch: blocked county-wide, every recipient listed to call',
  ],
  drugFigures: [
    '基药与集采占比、药占比、近效期金额、周转天数、缺货天数、回流药信号',
    'Essential and VBP shares, drug share, near expiry, turnover, stock-outs',
  ],

  // ---- sterile supply and medical waste (issue 14)

  chronicFigures: [
    '签约率、续签率、履约率、管理率、规范管理率、控制率，按乡镇/村/网格，可查名单',
    'Coverage, renewal, fulfilment, management and control rates',
  ],
  visits: ['挂号、诊断、检查、处方、记费与日结', 'Registration, diagnoses, exams, prescriptions, charges, day close'],
  stays: ['入院、转科、手术、出院（下转）', 'Admission, transfer, operations, discharge (down-referral)'],
  careFigures: [
    '县域内就诊率、基层与中医占比、人次与手术增长、住院日、药占比，可查明细',
    'County-internal rates, primary and TCM shares, growth, length of stay, drug share, with the records',
  ],
  settlementDesk: [
    '入院核验、押金、出院与门诊一站式结算，打印结算单，日结',
    'Admission check, deposits, one-stop discharge and outpatient settlement, statements, day report',
  ],
  receivables: [
    '各支付方垫付应收、申报批次、回款对账与超期应收',
    'Advances per payer, claim batches, returns and overdue receivables',
  ],
  settlementPolicy: [
    '基本医保、大病、补充、救助与"136"兜底参数，按版本生效',
    'Insurance parameters per layer, effective-dated versions',
  ],
  settlementFigures: [
    '贫困人口住院报销比例、个人负担、垫付、单病种与基金县域内占比',
    'Reimbursement ratios, own payment, advances, packages, fund shares',
  ],
  city: ['各县一站式结算实时汇总（逻辑复制）', "Every county's settlements, live (logical replication)"],
  wards: ['各科室病区与床位，占用随住院', 'Wards and beds per department; occupancy follows stays'],
  his: [
    '县级医院 HIS 的 HL7 接口：各发送方计数、延迟、出错与待匹配消息、重新处理',
    "The county hospitals' HIS interface (HL7): counts, lag, errors, held messages, replay",
  ],
  home: ['', ''],
  orgs: [
    '县人民医院、乡镇卫生院、村卫生室：医共体的组织结构与地图',
    'Hospitals, township centres and village clinics of the group',
  ],
  residents: [
    '按姓名、拼音首字母、身份证号或手机号查找居民档案',
    'Find a resident by name, pinyin initials, ID number or mobile',
  ],
  residentsNew: ['为辖区居民建立健康档案', 'Create a health record for a resident'],
  residentStats: ['各机构居民、贫困人口与慢病人数汇总', 'Residents, poor and chronic patients per organisation'],
  referrals: ['上转、下转、接收时限与超时升级，实时更新', 'Up- and down-referrals, deadlines and escalations, live'],
  referralTasks: ['确认接收下转患者，填写随访', 'Confirm down-referred patients, write follow-ups'],
  examOrders: [
    '统一目录、统一价格，县医院执行，结果回传',
    'One exam catalogue and price; done at the county hospital, results returned',
  ],
  bedBoard: ['床位与待入院（三优先）', 'Beds and admissions (priority for referred patients)'],
  outOfCounty: ['县外就诊登记与 CSV 导入', 'Out-of-county visits, manual or CSV import'],
  referralDashboard: [
    '闭环率、下转占比、县域内就诊率',
    'Closed-loop rate, down-referral share, county-internal visit rate',
  ],
  clinics: ['专家坐诊与门诊排班：号源、预约、候补、签到', 'Expert clinics: slots, bookings, waitlist, check-in'],
  clinicsConsole: ['叫号：下一位、重呼、过号、完成', 'Call next, recall, skip, finish'],
  clinicsExperts: ['乡情医学联盟专家名册', 'Visiting expert roster'],
  clinicsStats: ['坐诊场次、服务人数、节约估算与补贴台账', 'Sessions, patients served, savings, subsidy ledger'],
  clinicsRules: [
    '放号时间、取消截止、转诊预留与爽约限制',
    'Release time, cancellation cut-off, referral hold, no-show limits',
  ],
  clinicsSubsidy: [
    '年度补贴预算、已支出与结余，各类活动补贴标准',
    'Annual subsidy budget, spent and left, rate per kind of session',
  ],
  sterile: [
    '灭菌锅次与监测结果（不合格整锅召回），无菌包发放、使用、退回，扫码',
    'Sterilisation loads and indicators (a failure recalls the load), pack issue, use and return',
  ],
  waste: [
    '医疗废物交接（产生→收集→转运站→处置），在途、待确认、重量差异、超时未收',
    'Waste handovers: in transit, unconfirmed, weight discrepancies, overdue',
  ],
  wasteRegister: ['手机称重登记一袋（箱）医疗废物，重发不重复', 'Weigh and register a waste bag on the phone'],
  supplyFigures: [
    '医疗废物重量、未确认交接占比、灭菌监测不合格率与召回',
    'Waste weight, unconfirmed handovers, sterilisation failures and recalls',
  ],
  // ---- remote diagnosis (issue 12)
  remoteRequests: [
    '申请心电、影像、超声、病理远程诊断，查看报告版本与危急值',
    'Ask the county centres to read; reports, versions, critical values',
  ],
  remoteWorklist: [
    '诊断中心实时工作列表：急诊优先、超时提醒、领取阅片、书写与审核签发',
    'Live worklist: stat first, overdue, claim, report, review and sign',
  ],
  remoteCriticals: [
    '危急值：双人核对、即时推送、复述确认、15/30 分钟逐级上报、回访与病程记录',
    'Critical values: double check, push, read-back, escalation, tasks',
  ],
  remoteSchedule: [
    '危急值逐级上报的值班医生与负责人；报告时限所按的节假日与调休',
    'Who is on duty for critical-value escalation; the days off the report limits count by',
  ],
  remoteUnmatched: [
    '未能按检查号/患者号自动关联的检查文件，手工关联',
    'Studies not matched by accession or patient ID',
  ],
  remoteConsults: [
    '发起与受邀远程会诊：同意、排期、会诊意见、处置决定',
    'Teleconsultations: consent, schedule, opinion, decision',
  ],
  remoteKit: [
    '村医健康一体机：血压、血糖、血氧、体温、心电上传与异常复核',
    'Village health kit: readings, ECG upload, review',
  ],
  remoteFigures: [
    '报告及时率、审核时长、危急值处置、更正率、互认率、心电设备村级覆盖率、会诊增长',
    'Turnaround, review, critical values, amendments, recognition, coverage, consults',
  ],
  // ---- 120 and the five centres (issue 13)
  emsBoard: [
    '受理120来电、县域地图、按路网时间推荐车辆并派车，超时告警',
    'Take 120 calls, county map, nearest vehicle by road, dispatch, alarms',
  ],
  emsMissions: ['出车任务与急救时间轴、时间间隔达标、补录、导出', 'Missions, timelines, intervals, back-entry, export'],
  emsFleet: [
    '急救车辆、站点与路网维护：新增车辆、调站、封路与车速',
    'Ambulances, stations and roads: add, move, close, speed',
  ],
  emsCrew: [
    '车组手机：一键记录出车到完成、生命体征、心电图、院前预警，弱网可用',
    'Crew phone: steps, vitals, ECG, pre-alert, offline-safe',
  ],
  emsPreadmissions: [
    '即将到院的急救患者：倒计时、一键启动团队、院内节点、到院与关联居民',
    'Patients on their way: countdown, team activation, hospital milestones, arrival',
  ],
  emsFigures: ['胸痛、卒中、创伤、危重孕产妇与新生儿五大中心时间指标', 'Time figures of the five centres'],
  staff: ['新建账号、停用启用、重置密码', 'Create, disable and reset staff accounts'],
  audit: ['谁在何时查看或修改了什么，并校验哈希链', 'Who saw or changed what, and when; verify the hash chain'],
});
