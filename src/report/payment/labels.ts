/**
 * The words of the DRG payment profit-and-loss report (DRG 支付盈亏) in English and Chinese:
 * sheets, tables, the chart, the parameters and the reasons rows were left out.
 */
import { Lang, Text } from "../../engine/text";
import { fillText } from "../i18n";
import { COST_LABELS } from "../i18n";
import { PaymentLayer } from "./settings";
import { PaymentSkip } from "./types";

const t = (en: string, zh: string): Text => ({ en, zh });

export const PAYMENT_LABELS = {
  sheetGroups: t("DRG P&L", "DRG盈亏"),
  sheetUnits: t("Units P&L", "科室医师盈亏"),
  sheetOutliers: t("Outlier Cases", "高低倍率病例"),
  sheetParameters: t("Payment Parameters", "支付参数"),
  title: t("DRG payment: profit and loss per group", "DRG 支付：病组盈亏"),
  note: t(
    "expected revenue (预收入) of a case = points / {points} × rate × point value × coefficient; balance = expected revenue − cost; balance rate = balance / expected revenue; largest loss first",
    "病例预收入 = 点数 / {points} × 费率 × 点值 × 机构系数；结余 = 预收入 − 成本；结余率 = 结余 / 预收入；按亏损从大到小排列",
  ),
  summary: t("Summary", "摘要"),
  cases: t("Cases", "病例数"),
  groups: t("Groups", "病组数"),
  revenue: t("Expected revenue", "预收入"),
  balance: t("Balance", "结余"),
  rate: t("Balance rate", "结余率"),
  perCase: t("Balance per case", "例均结余"),
  groupsLosing: t("Groups losing money", "亏损病组数"),
  largestLoss: t("Largest loss", "亏损最大的病组"),
  none: t("none", "无"),
  normal: t("Normal", "正常"),
  high: t("High-cost", "高倍率"),
  low: t("Low-cost", "低倍率"),
  points: t("Points", "点数"),
  group: t("DRG group", "DRG 组"),
  groupName: t("Group name", "病组名称"),
  total: t("Total", "合计"),
  settlement: t("Expected revenue against the settlement", "预收入与实际结算"),
  insurance: t("Insurance settlement (actual)", "医保结算（实际）"),
  patient: t("Patient payment (actual)", "患者支付（实际）"),
  actual: t("Actual revenue (settlement + patient)", "实际收入（医保结算 + 患者支付）"),
  expected: t("Expected DRG revenue", "DRG 预收入"),
  difference: t("Expected − actual", "预收入 − 实际收入"),
  chartTitle: t("Balance per group: largest losses and gains", "病组结余：亏损与结余最大的病组"),
  chartCaption: t("Chart data: the {n} largest losses and gains", "图表数据：亏损最大与结余最大的 {n} 个病组"),
  unitsTitle: t("Profit and loss per department and doctor", "科室与医师盈亏"),
  department: t("Department", "科室"),
  doctor: t("Doctor", "医师"),
  emptyUnit: t("paid cases with an empty {unit} (left out of this table)", "{unit}为空的病例（不计入本表）"),
  outliersTitle: t("High- and low-cost cases (高倍率 / 低倍率)", "高倍率与低倍率病例"),
  outliersNote: t(
    "high-cost: cost ≥ multiplier × group mean, points = base + (cost / mean − multiplier) × base; low-cost: cost ≤ {low} × group mean, points = base × cost / mean",
    "高倍率：费用 ≥ 倍数 × 病组均值，点数 = 基准点数 + (费用 / 均值 − 倍数) × 基准点数；低倍率：费用 ≤ {low} × 病组均值，点数 = 基准点数 × 费用 / 均值",
  ),
  noOutliers: t("No high- or low-cost case.", "没有高倍率或低倍率病例。"),
  row: t("Row", "行号"),
  caseType: t("Case type", "病例类型"),
  totalCost: t("Total cost", "住院总费用"),
  groupMean: t("Group mean", "病组均值"),
  ratio: t("Cost / mean", "费用 / 均值"),
  multiplier: t("Multiplier", "倍数"),
  threshold: t("Threshold", "界值"),
  basePoints: t("Base points", "基准点数"),
  payment: t("Payment", "支付"),
  // parameters
  parametersTitle: t("Parameters: everything needed to reproduce this report", "参数：复现本报告所需的全部设置"),
  settings: t("Settings", "设置"),
  data: t("Data", "数据"),
  columnMapping: t("Column mapping (canonical column: header)", "列映射（标准列：表头）"),
  results: t("Results", "结果"),
  about: t("About", "关于"),
  weightTable: t("Weight table", "权重表"),
  rateSetting: t("Rate (money per weight point)", "费率（每权重金额）"),
  pointValue: t("Point value (factor, or money per point)", "点值（系数，或每点金额）"),
  coefficient: t("Institution coefficient", "机构系数"),
  moneyPerWeight: t(
    "Money per weight point (rate × point value × coefficient)",
    "每权重金额（费率 × 点值 × 机构系数）",
  ),
  pointsPerWeight: t("Points per weight point", "每权重点数"),
  bands: t("Band bounds (base points)", "分段界值（基准点数）"),
  highMultipliers: t("High-cost multipliers by band", "各分段高倍率"),
  lowMultiplier: t("Low-cost multiplier", "低倍率"),
  meanSource: t("Group mean for the thresholds", "判断高低倍率的病组均值"),
  meanData: t("the hospital's own cases of the group", "本院该病组病例的均值"),
  meanStandard: t("the group's payment standard (RW × money per weight)", "病组支付标准（RW × 每权重金额）"),
  meanRegional: t("regional table", "区域病组均值表"),
  missing: t("Groups without a weight or a regional mean", "无权重或无区域均值的病组"),
  missingExclude: t("left out and counted (exclude)", "不计入并计数（exclude）"),
  missingError: t("an error (error)", "报错（error）"),
  layer: t("Cost", "成本口径"),
  unit: t("Units", "核算单元"),
  missingMeans: t("Groups without a regional mean", "无区域均值的病组"),
  outlierCount: t("High- / low-cost cases", "高倍率 / 低倍率病例数"),
} satisfies Record<string, Text>;

export type PaymentLabelKey = keyof typeof PAYMENT_LABELS;

/** A label, its {placeholders} filled in. */
export function paymentLabel(key: PaymentLabelKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return fillText(PAYMENT_LABELS[key], lang, params);
}

export const PAYMENT_SKIP_LABELS: Record<PaymentSkip, Text> = {
  blankRow: t("blank rows", "空行"),
  emptyGroup: t("rows with an empty DRG group", "DRG 组为空的行"),
  noWeight: t("rows whose group has no weight", "病组无权重的行"),
  noMean: t("rows whose group has no regional mean", "病组无区域均值的行"),
  emptyUnit: t(
    "paid cases with an empty unit (left out of the unit table only)",
    "核算单元为空的病例（仅不计入科室医师表）",
  ),
};

/** The cost a layer sets against the expected revenue. */
export const PAYMENT_COST_LABELS: Record<PaymentLayer, Text> = {
  charges: t("Total charges (住院总费用)", "住院总费用"),
  ...COST_LABELS,
};
