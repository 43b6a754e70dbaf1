/**
 * Labels of the four-quadrant and incentive report, in Chinese and English (DOMAIN.md
 * glossary). One table, so the sheet, the chart and the command line say the same words.
 */
import { MarginLayer } from "../engine/margins";
import { Quadrant } from "../engine/quadrants";
import { Lang, Text } from "../engine/text";

const t = (en: string, zh: string): Text => ({ en, zh });

export const QUADRANT_LABELS: Record<Quadrant, Text> = {
  strategic: t("Strategic", "战略病种"),
  competitive: t("Competitive", "竞争病种"),
  suitable: t("Suitable", "适宜病种"),
  weak: t("Weak", "劣势病种"),
  unclassified: t("Not classified", "未分类"),
};

/** Contribution at each layer (DOMAIN.md "Costing and margins"). */
export const CONTRIBUTION_LABELS: Record<MarginLayer, Text> = {
  marginal: t("Marginal contribution", "边际贡献"),
  direct: t("Direct contribution", "直接结余贡献"),
  gross: t("Gross contribution", "毛结余贡献"),
  net: t("Net contribution", "净结余贡献"),
};

export const RATE_LABELS: Record<MarginLayer, Text> = {
  marginal: t("Marginal contribution rate", "边际贡献率"),
  direct: t("Direct contribution rate", "直接结余贡献率"),
  gross: t("Gross contribution rate", "毛结余贡献率"),
  net: t("Net contribution rate", "净结余贡献率"),
};

export const COST_LABELS: Record<MarginLayer, Text> = {
  marginal: t("Variable cost", "变动成本"),
  direct: t("Direct cost", "直接成本"),
  gross: t("Medical business cost", "医疗业务成本"),
  net: t("Full medical cost", "医疗全成本"),
};

export const LABELS = {
  // sheets
  sheetQuadrants: t("Quadrant Analysis", "四象限分析"),
  sheetIncentives: t("Incentives", "绩效激励"),
  sheetDepartmentIncentives: t("Department Incentives", "科室激励"),
  sheetDoctorIncentives: t("Doctor Incentives", "医师激励"),
  sheetParameters: t("Parameters", "参数"),
  // quadrant sheet
  quadrantTitle: t("Four-quadrant analysis of DRG groups", "DRG 病组四象限分析"),
  group: t("DRG group", "DRG 组"),
  groupName: t("Group name", "病组名称"),
  cases: t("Cases", "病例数"),
  rw: t("RW", "相对权重 (RW)"),
  revenue: t("Revenue", "收入"),
  quadrant: t("Quadrant", "象限"),
  coefficient: t("Coefficient", "激励系数"),
  points: t("Points", "点数"),
  total: t("Total", "合计"),
  chartTitle: t("DRG groups by relative weight and contribution rate", "病组相对权重与贡献率四象限图"),
  cutX: t("x cut", "横轴分界线"),
  cutY: t("y cut", "纵轴分界线"),
  // summary at the top of the quadrant sheet
  summary: t("Summary", "摘要"),
  period: t("Period", "分析期间"),
  noYear: t("not known (the data has no year or discharge date)", "未知（数据中没有年份或出院日期）"),
  condition: t("Rule", "划分条件"),
  groupsColumn: t("Groups", "病组数"),
  caseShare: t("Share of cases", "病例占比"),
  pointShare: t("Share of points", "点数占比"),
  hospital: t("Hospital", "全院"),
  // incentive sheet
  rank: t("Rank", "排名"),
  mainDepartment: t("Department (most cases)", "科室（病例最多）"),
  incentiveTitle: t("Incentives by quadrant coefficient", "按象限系数计算的绩效激励"),
  department: t("Department", "科室"),
  doctor: t("Doctor", "医师"),
  totalWeight: t("Total weight", "总权重"),
  cmi: t("CMI", "CMI"),
  amount: t("Amount", "金额"),
  // parameters sheet
  parametersTitle: t("Parameters: everything needed to reproduce this report", "参数：复现本报告所需的全部设置"),
  settings: t("Settings", "设置"),
  data: t("Data", "数据"),
  columnMapping: t("Column mapping (canonical column: header)", "列映射（标准列：表头）"),
  results: t("Results", "结果"),
  about: t("About", "关于"),
  layer: t("Margin layer", "贡献层级"),
  xCut: t("x cut (RW)", "横轴分界线 (RW)"),
  yCut: t("y cut (contribution rate)", "纵轴分界线（贡献率）"),
  minCases: t("Minimum cases to classify a group", "病组分类的最少病例数"),
  coefficients: t("Coefficients", "激励系数"),
  incentiveMode: t("Incentive mode", "激励方式"),
  perPoint: t("Money per point", "每点金额"),
  pool: t("Bonus pool", "奖金池"),
  unit: t("Unit", "核算单元"),
  weightSource: t("Weights", "权重来源"),
  weightsFromData: t(
    "computed from the data (trimmed mean cost of the group / of all cases)",
    "由数据计算（病组去极值平均费用 / 全部病例平均费用）",
  ),
  weightsFromTable: t("weight table", "权重表"),
  weightsStandardized: t(
    "standardized five-category weight (medical, nursing, technical, drugs, administration), shares",
    "标准化五类费用权重（医疗、护理、医技、药品、管理），占比",
  ),
  trim: t("Outlier trimming", "去除极值"),
  weightMinCases: t(
    "Minimum cases for trimming (fewer: not trimmed, weight flagged)",
    "去极值的最少病例数（不足则不去极值，权重标记为不可靠）",
  ),
  years: t("Years", "年份"),
  yearWeights: t("Year weights (oldest first)", "年度权重（从早到晚）"),
  yearFilter: t("Analysed year", "分析年份"),
  allYears: t("all", "全部"),
  allCaseMean: t("Mean cost of all cases (weights)", "全部病例平均费用（权重计算）"),
  source: t("Source", "数据来源"),
  sheet: t("Sheet", "工作表"),
  encoding: t("Encoding", "编码"),
  headerRow: t("Header row", "表头行"),
  rowsRead: t("Rows read", "读取行数"),
  rowsUsed: t("Rows used", "使用行数"),
  skipped: t("Skipped", "跳过"),
  hospitalCases: t("Cases analysed", "分析病例数"),
  hospitalCmi: t("Hospital CMI", "医院 CMI"),
  groupCount: t("Groups", "病组数"),
  groupsPerQuadrant: t("Groups", "病组数"),
  missingWeights: t("Groups without a weight", "无权重的病组"),
  version: t("CaseMix version", "CaseMix 版本"),
  time: t("Built at", "生成时间"),
  language: t("Language", "语言"),
  perPointNote: t("amount = points x money per point, rounded to cents", "金额 = 点数 × 每点金额，四舍五入到分"),
  poolNote: t(
    "the pool is shared in proportion to points, in cents, by the largest-remainder method (ties: more points, then by name); the amounts add up to the pool exactly",
    "奖金池按点数比例分配，精确到分，采用最大余数法（余数相同时点数多者优先，再按名称顺序）；各单元金额之和恰等于奖金池",
  ),
  rankNote: t("sorted by amount, largest first; equal amounts share a rank", "按金额从高到低排列，金额相同者排名相同"),
  pointsNote: t(
    "points of a case = RW x coefficient of its group's quadrant",
    "病例点数 = 相对权重 × 所在病组象限的激励系数",
  ),
  cmiRule: t("hospital CMI", "医院 CMI"),
  medianRule: t("median", "中位数"),
  hospitalRateRule: t("hospital's own rate", "全院贡献率"),
  fixedRule: t("fixed", "固定值"),
  // revenue source of the quadrant report (settlement or expected DRG payment)
  revenueSource: t("Revenue", "收入口径"),
  revenueSettlement: t("actual settlement (insurance + patient payment)", "实际结算（医保结算 + 患者支付）"),
  revenuePayment: t("expected DRG payment", "预期DRG支付"),
  expectedRevenue: t("Expected payment", "预期支付"),
  paymentRate: t("rate", "费率"),
  paymentPointValue: t("point value", "点值"),
  paymentCoefficient: t("coefficient", "机构系数"),
} satisfies Record<string, Text>;

export type LabelKey = keyof typeof LABELS;

/** A text in `lang` with each {name} replaced by its parameter (unknown names left as they are). */
export function fillText(text: Text, lang: Lang, params: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** Why rows were left out, in the order they are checked (each row counted once). */
export const SKIP_LABELS = {
  blankRow: t("blank rows", "空行"),
  emptyGroup: t("rows with an empty DRG group", "DRG 组为空的行"),
  noCases: t("rows with a blank or zero case count", "病例数为空或为 0 的行"),
  otherYear: t("rows of other years", "其他年份的行"),
  noYear: t("rows without a year", "年份为空的行"),
  noWeight: t("rows whose group has no weight", "病组无权重的行"),
  emptyUnit: t("rows with an empty unit (left out of the incentive table only)", "核算单元为空的行（仅不计入绩效表）"),
  noCost: t(
    "rows with a blank total cost (left out of the weight calculation only)",
    "住院总费用为空的行（仅不参与权重计算）",
  ),
} satisfies Record<string, Text>;

export type SkipReason = keyof typeof SKIP_LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

/** The report's name for a quadrant: a user's label when given, else the standard one. */
export function quadrantLabel(q: Quadrant, lang: Lang, custom?: Partial<Record<Quadrant, string>>): string {
  const own = custom?.[q];
  return own !== undefined && own.trim() !== "" ? own : QUADRANT_LABELS[q][lang];
}
