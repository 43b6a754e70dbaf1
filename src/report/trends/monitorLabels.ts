/** The words of the monitor sheet (监测 / Monitoring), in Chinese and English. */
import { Text } from "../../engine/text";
import { MonitorIndicator, TrendsPeriod } from "./monitorTypes";

const t = (en: string, zh: string): Text => ({ en, zh });

export const MONITOR_LABELS = {
  sheet: t("Monitoring", "监测"),
  title: t(
    "Monitoring: CMI, efficiency and quality per period, per unit",
    "监测：各期 CMI、效率与质量（全院与各单元）",
  ),
  note: t(
    "Periods: {period} from the column {source}. CMI = total weight / cases. Time, cost, drug and material indices = Σ cases × (unit's mean / benchmark mean of the group) / cases, the benchmark of each group being its mean over every row of this sheet (all periods, the whole data), so an index of 1.10 is 10% above the data's own group means and each index over all periods together is 1. Low-risk mortality uses the risk levels of the trends sheet.",
    "统计期：取自“{source}”列的{period}。CMI = 总权重 / 病例数。时间、费用、药品、耗材消耗指数 = Σ 病例数 ×（单元该组均值 / 该组标杆均值）/ 病例数，各组标杆为本表全部行（全部统计期、整份数据）的组均值，故指数 1.10 表示比本数据的组均值高 10%，全部统计期合计的指数为 1。低风险组死亡率采用趋势与质量表的风险等级。",
  ),
  unavailable: t("{indicator} not shown: {reason}", "{indicator}未列出：{reason}"),
  summary: t("Summary", "摘要"),
  periodRule: t("Periods", "统计期口径"),
  periodCount: t("Number of periods", "统计期数"),
  range: t("From – to", "起止"),
  firstCmi: t("Hospital CMI, {period}", "全院 CMI（{period}）"),
  lastCmi: t("Hospital CMI, {period}", "全院 CMI（{period}）"),
  cmiChange: t("Change, first to last period", "首末期变化"),
  highest: t("Highest CMI", "CMI 最高的统计期"),
  lowest: t("Lowest CMI", "CMI 最低的统计期"),
  rowsUsed: t("Rows used", "使用行数"),
  blankValue: t("{indicator}: rows with a blank value, left out of it", "{indicator}：数值为空、未计入该指数的行"),
  hospitalTable: t("Hospital, per period", "全院各期"),
  cmiTable: t(
    "CMI per period: hospital and the units with most cases (the chart)",
    "各期 CMI：全院与病例数最多的单元（折线图数据）",
  ),
  unitsTable: t("Each unit, per period", "各单元各期"),
  period: t("Period", "统计期"),
  allPeriods: t("All periods", "全部统计期"),
  hospital: t("Hospital", "全院"),
  cases: t("Cases", "病例数"),
  totalWeight: t("Total weight", "总权重"),
  lowRiskDeaths: t("Low-risk deaths", "低风险组死亡数"),
  chartTitle: t("CMI per period", "各期 CMI"),
} satisfies Record<string, Text>;

export const INDICATOR_LABELS: Record<MonitorIndicator, Text> = {
  timeIndex: t("Time index", "时间消耗指数"),
  costIndex: t("Cost index", "费用消耗指数"),
  drugIndex: t("Drug index", "药品消耗指数"),
  materialIndex: t("Material index", "耗材消耗指数"),
  lowRiskMortality: t("Low-risk mortality", "低风险组死亡率"),
};

/** The kind of period, as a setting ("by month") and in the note ("months"). */
export const PERIOD_LABELS: Record<TrendsPeriod, { rule: Text; plural: Text }> = {
  year: { rule: t("by year", "按年"), plural: t("years", "年度") },
  quarter: { rule: t("by quarter", "按季度"), plural: t("quarters", "季度") },
  month: { rule: t("by month", "按月"), plural: t("months", "月份") },
  column: { rule: t("by the period column", "按统计期列"), plural: t("periods as written", "统计期（按原值）") },
};
