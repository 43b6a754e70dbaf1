/** The words of the targets sheet (目标 / Targets), in Chinese and English. */
import { Text } from "../../engine/text";

const t = (en: string, zh: string): Text => ({ en, zh });

export const TARGET_LABELS = {
  sheet: t("Targets", "目标"),
  title: t("Targets from CMI: length of stay, cost per case and CMI", "基于 CMI 的目标：平均住院日、例均费用与 CMI"),
  summary: t("Summary", "摘要"),
  year: t("Cases of the LOS and cost targets", "住院日与费用目标所用病例"),
  allRows: t("every year", "全部年份"),
  losRule: t(
    "Target LOS = CMI × benchmark standardized LOS ({benchmark} days per weight point, {rule}); standardized LOS = mean LOS / CMI; gap = mean LOS − target, above 0 (red) is longer than the target.",
    "目标平均住院日 = CMI × 标杆标化住院日（{benchmark} 天 / 权重，{rule}）；标化住院日 = 平均住院日 / CMI；差距 = 平均住院日 − 目标，大于 0（红色）即长于目标。",
  ),
  costRule: t(
    "Target cost per case = CMI × benchmark standardized cost ({benchmark} per weight point, {rule}); standardized cost = mean cost per case / CMI; gap = mean cost − target, above 0 (red) is dearer than the target.",
    "目标例均费用 = CMI × 标杆标化费用（每权重 {benchmark} 元，{rule}）；标化费用 = 例均费用 / CMI；差距 = 例均费用 − 目标，大于 0（红色）即高于目标。",
  ),
  cmiRule: t(
    "CMI target = latest CMI + {share} × max(0, benchmark − latest); benchmark = {benchmark}; trend = least-squares change of the CMI per period ({periods}).",
    "CMI 目标 = 最近一期 CMI + {share} × max(0, 标杆 − 最近一期)；标杆 = {benchmark}；趋势 = 各期 CMI 的最小二乘斜率（每期变化，{periods}）。",
  ),
  ownBest: t("the unit's own best period", "本单元历史最好一期"),
  fromTable: t(
    "the benchmark table {name} (own best period where it has no value)",
    "标杆表 {name}（表中没有的单元取其历史最好一期）",
  ),
  hospital: t("Hospital", "全院"),
  cases: t("Cases", "病例数"),
  meanLos: t("Mean LOS", "平均住院日"),
  stdLos: t("Standardized LOS", "标化住院日"),
  targetLos: t("Target LOS", "目标住院日"),
  losGap: t("LOS gap", "住院日差距"),
  meanCost: t("Mean cost per case", "例均费用"),
  stdCost: t("Standardized cost", "标化费用"),
  targetCost: t("Target cost", "目标例均费用"),
  costGap: t("Cost gap", "费用差距"),
  cmiIn: t("CMI {period}", "CMI（{period}）"),
  slope: t("CMI trend per period", "CMI 趋势（每期）"),
  latest: t("Latest CMI", "最近一期 CMI"),
  benchmark: t("Benchmark CMI", "标杆 CMI"),
  benchmarkFrom: t("Benchmark from", "标杆来源"),
  fromTableShort: t("benchmark table", "标杆表"),
  bestShort: t("best period {period}", "最好一期 {period}"),
  cmiTarget: t("CMI target", "CMI 目标"),
  losBenchmark: t("Benchmark standardized LOS (days per weight point)", "标杆标化住院日（天 / 权重）"),
  costBenchmark: t("Benchmark standardized cost (per weight point)", "标杆标化费用（元 / 权重）"),
  losRuleName: t("Benchmark of the LOS target", "住院日目标的标杆"),
  costRuleName: t("Benchmark of the cost target", "费用目标的标杆"),
  share: t("Share of the gap to the benchmark CMI closed", "向标杆 CMI 缩小差距的比例"),
  hospitalCmiTarget: t("Hospital CMI target", "全院 CMI 目标"),
  aboveLos: t("Units above their LOS target", "平均住院日高于目标的单元数"),
  aboveCost: t("Units above their cost target", "例均费用高于目标的单元数"),
  rowsUsed: t("Rows used (LOS and cost targets)", "使用行数（住院日与费用目标）"),
  rowsUsedCmi: t("Rows used (CMI targets)", "使用行数（CMI 目标）"),
} satisfies Record<string, Text>;
