/** The words of the trends and quality sheet, in Chinese and English. */
import { CurveModel, CURVE_MODEL_NAMES } from "../../engine/curveFit";
import { Lang, Text } from "../../engine/text";
import { label } from "../i18n";
import { TrendsUnit } from "./settings";
import { CurveFlag, Driver, TrendsSkip } from "./types";

const t = (en: string, zh: string): Text => ({ en, zh });

export const TRENDS_LABELS = {
  sheet: t("Trends and Quality", "趋势与质量"),
  title: t(
    "Trends and quality: low-risk mortality, CMI change, CMI and cost",
    "趋势与质量：低风险组死亡率、CMI 变化分解、CMI 与费用曲线",
  ),
  qualityTitle: t("(a) Low-risk mortality", "（一）低风险组死亡率"),
  levelsTitle: t("Mortality risk level of each DRG group", "各 DRG 组死亡风险等级"),
  decompositionTitle: t(
    "(b) CMI change: mix across ADRGs and severity inside ADRGs",
    "（二）CMI 变化分解：ADRG 间结构与 ADRG 内严重程度",
  ),
  curveTitle: t("(c) CMI and mean cost per case", "（三）CMI 与例均费用曲线"),
  parametersTitle: t("Parameters: everything needed to reproduce this sheet", "参数：复现本表所需的全部设置"),
  lowRiskCases: t("Low-risk cases", "低风险组病例数"),
  lowRiskDeaths: t("Low-risk deaths", "低风险组死亡数"),
  lowRiskRate: t("Low-risk mortality", "低风险组死亡率"),
  rateIn: t("Low-risk mortality {year}", "低风险组死亡率（{year} 年）"),
  overall: t("Hospital", "全院"),
  deaths: t("Deaths", "死亡数"),
  mortality: t("Mortality", "死亡率"),
  z: t("z (ln mortality)", "z 值（对数死亡率）"),
  level: t("Level", "风险等级"),
  risk: t("Risk", "风险"),
  casesIn: t("Cases {year}", "病例数（{year} 年）"),
  cmiIn: t("CMI {year}", "CMI（{year} 年）"),
  change: t("Change", "变化"),
  mix: t("Mix across ADRGs", "ADRG 间结构"),
  severity: t("Severity inside ADRGs", "ADRG 内严重程度"),
  driver: t("Larger part", "主要来源"),
  adrg: t("ADRG", "核心 DRG (ADRG)"),
  shareIn: t("Share {year}", "占比（{year} 年）"),
  weightIn: t("Mean weight {year}", "平均权重（{year} 年）"),
  contribution: t("Mix + severity", "合计贡献"),
  model: t("Model", "模型"),
  modelsCaption: t("Curve models, best R² first", "曲线模型（按 R² 从高到低）"),
  rSquared: t("R²", "R²"),
  f: t("F", "F"),
  n: t("Units", "单元数"),
  note: t("Note", "说明"),
  meanCost: t("Mean cost per case", "例均费用"),
  lnCost: t("ln(mean cost)", "ln(例均费用)"),
  expected: t("Expected cost", "预期例均费用"),
  ratio: t("Actual / expected", "实际 / 预期"),
  flag: t("Flag", "标记"),
  prepayment: t("Prepayment estimate", "预付额度测算"),
  prepaymentNote: t(
    "Prepayment estimate = expected cost × the unit's cases of {year} as the expected volume; the total row adds up the units that have one.",
    "预付额度测算 = 预期例均费用 × 该单元 {year} 的病例数（作为预期业务量）；合计行为有测算值的单元之和。",
  ),
  chartTitle: t("CMI and mean cost per case", "CMI 与例均费用"),
  fittedLine: t("Fitted: {model} (R² {r2})", "拟合：{model}（R² {r2}）"),
  levelSource: t("Risk levels from", "风险等级来源"),
  levelsFromData: t("the data itself (every year)", "本数据（全部年份）"),
  levelsFromBenchmark: t("benchmark", "标杆数据"),
  period: t("Years compared (before → after)", "对比年份（前 → 后）"),
  curveYear: t("Cases of the curve", "曲线所用病例"),
  allRows: t("every year", "全部年份"),
  minCases: t("Minimum cases of a unit on the curve", "进入曲线拟合的单元最少病例数"),
  flagTolerance: t("Flag when actual / expected is outside", "实际 / 预期超出以下范围时标记"),
  topAdrgs: t("ADRGs listed", "列出的 ADRG 数"),
  rowsSection: t("Rows used: {section}", "使用行数：{section}"),
  sectionQuality: t("low-risk mortality", "低风险组死亡率"),
  sectionDecomposition: t("CMI change", "CMI 变化分解"),
  sectionCurve: t("curve", "曲线"),
  sectionMonitor: t("monitoring", "监测"),
  curveY: t("Curve fitted to", "曲线拟合对象"),
  curveYValue: t(
    "y = ln(mean cost per case), x = CMI, one point a unit (as the source)",
    "y = ln(例均费用)，x = CMI，每个单元一个点（同原文方法）",
  ),
  lowRiskTotal: t("Low-risk mortality, hospital", "全院低风险组死亡率"),
  cmiChange: t("CMI change, hospital", "全院 CMI 变化"),
  bestModel: t("Best model", "最优模型"),
  unitsFlagged: t("Units flagged", "被标记的单元数"),
  findings: t("Key findings", "主要发现"),
  unitsFlaggedOutside: t(
    "Units flagged (actual / expected outside {lo} – {hi})",
    "被标记的单元数（实际 / 预期超出 {lo} – {hi}）",
  ),
} satisfies Record<string, Text>;

export const RISK_LEVEL_LABELS: readonly Text[] = [
  t("no deaths", "无死亡"),
  t("low", "低风险"),
  t("mid-low", "中低风险"),
  t("mid-high", "中高风险"),
  t("high", "高风险"),
];

export const DRIVER_LABELS: Record<Exclude<Driver, "">, Text> = {
  mix: t("mix across ADRGs", "ADRG 间结构"),
  severity: t("severity inside ADRGs", "ADRG 内严重程度"),
};

export const FLAG_LABELS: Record<CurveFlag, Text> = {
  high: t("above expected", "高于预期"),
  low: t("below expected", "低于预期"),
  inLine: t("in line", "正常"),
  notFitted: t("not fitted (too few cases)", "未拟合（病例数不足）"),
  noModel: t("no model", "无可用模型"),
};

export const TRENDS_SKIP_LABELS: Record<TrendsSkip, Text> = {
  blankRow: t("blank rows", "空行"),
  emptyGroup: t("rows with an empty DRG group", "DRG 组为空的行"),
  noCases: t("rows with a blank or zero case count", "病例数为空或为 0 的行"),
  noYear: t("rows without a year", "年份为空的行"),
  otherYear: t("rows of other years", "其他年份的行"),
  noWeight: t("rows whose group has no weight", "病组无权重的行"),
  noCost: t("rows with a blank total cost", "住院总费用为空的行"),
  emptyUnit: t("rows with an empty unit (not in any unit's row)", "核算单元为空的行（不计入任何单元）"),
  noLos: t("rows with a blank length of stay", "住院天数为空的行"),
  noPeriod: t("rows without a period (blank or not a date)", "无统计期的行（为空或不是日期）"),
};

/** The text with each {name} replaced by its parameter. */
export function fill(text: Text, lang: Lang, params: Record<string, string | number>): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** The unit of the report (department or doctor), as its column header. */
export function unitLabel(unit: TrendsUnit, lang: Lang): string {
  return label(unit, lang);
}

export function modelName(m: CurveModel, lang: Lang): string {
  return CURVE_MODEL_NAMES[m][lang];
}
