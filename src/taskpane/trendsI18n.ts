/**
 * Strings of the "Trends and quality" view, in English and Chinese (simplified). The words of
 * the sheet itself come from src/report/trends/labels.ts; the source picker, the column names,
 * the conflict dialog and the undo lines from src/taskpane/i18n.ts, so every view says the
 * same thing.
 *
 *     trendsText("en", "yearsFound", { years: "2022, 2023, 2024" })  // "Years in the data: 2022, 2023, 2024"
 */
import { Lang, Text } from "../engine/text";
import { textIn } from "./i18n";

const t = (en: string, zh: string): Text => ({ en, zh });

export const TRENDS_STRINGS = {
  title: t("CaseMix: trends and quality", "CaseMix：趋势与质量"),
  intro: t(
    "From your discharge data: low-risk mortality by unit, the CMI change between two years split into case mix and severity (a rise made of severity points at coding), the CMI-cost curve that flags units whose cost is out of line, and the LOS, cost and CMI targets of each unit (sheet Targets). Written to new sheets; your data is never changed.",
    "基于出院病例数据：各单元的低风险组死亡率；两个年度之间的 CMI 变化分解为病组结构与严重程度两部分（主要来自严重程度的上升提示编码问题）；标记费用偏离的 CMI—费用曲线；以及各单元的平均住院日、例均费用与 CMI 目标（“目标”工作表）。结果写入新工作表，不会改动您的数据。",
  ),
  // Data
  dataHint: t(
    "Select the case table with its header row (or one cell inside it): DRG group, department or doctor, total cost, and for the full view the year or discharge date and the died / discharge-way column (离院方式).",
    "请选中含表头行的病例表（或其中任一单元格）：DRG 组、科室或医师、住院总费用；完整分析还需年度或出院日期，以及死亡或离院方式列。",
  ),
  read: t("Read data and detect columns", "读取数据并识别列"),
  readAgain: t("Read again", "重新读取"),
  yearsFound: t("Years in the data: {years}", "数据中的年份：{years}"),
  noYears: t(
    "No year or discharge date column: the CMI change needs one.",
    "没有年度或出院日期列：CMI 变化分解需要该列。",
  ),
  noDied: t(
    "No died column: low-risk mortality needs one (死亡, 是否死亡 or 离院方式).",
    "没有死亡列：低风险组死亡率需要该列（死亡、是否死亡或离院方式）。",
  ),
  // Weights and levels
  weightsHint: t("Weights give each case its relative weight, for the CMI.", "权重用于计算每个病例的相对权重和 CMI。"),
  weightsFromData: t(
    "Compute from the data (trimmed mean cost, ln(cost) ± 3 SD, years 1:2:7)",
    "由数据计算（去极值平均费用，对数费用 ± 3 倍标准差，年度 1:2:7）",
  ),
  levelsSection: t("Mortality risk levels", "死亡风险等级"),
  levelsFromData: t("From the data itself (every year)", "由本数据计算（全部年份）"),
  levelsFromBenchmark: t(
    "From a benchmark (a region's cases: DRG group and died columns)",
    "由标杆数据计算（区域病例：DRG 组列和死亡列）",
  ),
  benchmarkHint: t(
    "Select the benchmark cases (DRG group and died columns, optionally 病例数 with deaths per row), then read them.",
    "请选中标杆病例数据（DRG 组列和死亡列，可含病例数列，此时死亡列为每行死亡人数），然后读取。",
  ),
  readBenchmark: t("Read benchmark", "读取标杆数据"),
  benchmarkRead: t(
    "{groups} groups, {withDeaths} with deaths, read from {address}",
    "已从 {address} 读取 {groups} 个病组，其中 {withDeaths} 个有死亡",
  ),
  benchmarkNeeded: t("Read the benchmark first.", "请先读取标杆数据。"),
  // Settings
  before: t("Compare from year", "对比前年份"),
  after: t("to year", "对比后年份"),
  latestTwo: t("(the two latest years)", "（最近两年）"),
  yearsHint: t("The curve uses the cases of the later year.", "曲线使用对比后年份的病例。"),
  unit: t("One row a", "核算单元"),
  minCases: t("Minimum cases of a unit on the curve", "进入曲线拟合的单元最少病例数"),
  flagTolerance: t(
    "Flag when actual / expected is off by more than (0.2 = 20%)",
    "实际 / 预期偏离超过以下比例时标记（0.2 = 20%）",
  ),
  topAdrgs: t("ADRGs to list as top contributors", "列出贡献最大的 ADRG 数"),
  targetShare: t(
    "CMI target: share of the gap to the benchmark CMI to close (0 to 1)",
    "CMI 目标：向标杆 CMI 缩小差距的比例（0 到 1）",
  ),
  targetBenchmark: t(
    "Benchmark of the LOS and cost targets: the hospital's own, or a percentile of the units (p25, p50, …)",
    "住院日与费用目标的标杆：全院自身，或各单元的百分位数（p25、p50 等）",
  ),
  targetBenchmarkPlaceholder: t("Empty: the hospital's own", "留空：全院自身"),
  sameYears: t("Pick two different years.", "请选择两个不同的年份。"),
  // Build
  build: t("Build trends sheet", "生成趋势与质量表"),
  phaseComputing: t("Computing…", "正在计算……"),
  phaseChecking: t("Checking the sheets…", "正在检查工作表……"),
  phaseWriting: t("Writing the sheet… {percent}%", "正在写入工作表…… {percent}%"),
  failed: t("The trends sheet could not be built", "无法生成趋势与质量表"),
  missingColumns: t(
    "Missing required column: {columns}. Choose its header below.",
    "缺少必需的列：{columns}。请在下方选择对应的表头。",
  ),
  // Result
  resultTitle: t("Trends sheet written", "趋势与质量表已生成"),
  resultSheets: t("Sheets: {sheets}", "工作表：{sheets}"),
  resultQuality: t(
    "Low-risk mortality {rate} ({deaths} deaths in {cases} low-risk cases)",
    "低风险组死亡率 {rate}（低风险组 {cases} 例中死亡 {deaths} 例）",
  ),
  resultChange: t(
    "CMI {before} → {after}: {cmiBefore} → {cmiAfter}; mix {mix}, severity {severity}",
    "CMI {before} → {after}：{cmiBefore} → {cmiAfter}；病组结构 {mix}，严重程度 {severity}",
  ),
  resultCurve: t(
    "Curve: {model} (R² {r2}); {flagged} of {units} units flagged",
    "曲线：{model}（R² {r2}）；{units} 个单元中 {flagged} 个被标记",
  ),
  resultRows: t(
    "{read} rows read, {used} used, {skipped} left out",
    "读取 {read} 行，使用 {used} 行，跳过 {skipped} 行",
  ),
  // Monitoring
  period: t("Monitoring periods (sheet Monitoring)", "监测统计期（“监测”工作表）"),
  periodYear: t("Year", "年"),
  periodQuarter: t("Quarter", "季度"),
  periodMonth: t("Month", "月"),
  periodColumn: t("Period column", "期间列"),
  periodHint: t(
    "Quarters and months come from the discharge date; a period column (统计期, 月份) is taken as written.",
    "季度和月取自出院日期；期间列（统计期、月份）按原值使用。",
  ),
  resultMonitor: t(
    "Monitoring: {periods} periods, hospital CMI {first} → {last}",
    "监测：{periods} 个统计期，全院 CMI {first} → {last}",
  ),
  // Validation
  notANumber: t("{field}: “{value}” is not a number", "{field}：“{value}” 不是数字"),
  notInRange: t("{field}: {value} must be {what}", "{field}：{value} 应为{what}"),
  wholeNumber: t("a whole number of 0 or more", "大于或等于 0 的整数"),
  fraction: t("a number from 0 to below 1", "大于或等于 0 且小于 1 的数"),
  share: t("a number from 0 to 1", "0 到 1 之间的数"),
  notABenchmark: t(
    "{field}: “{value}” is neither empty (the hospital's own) nor a percentile such as p25",
    "{field}：“{value}” 既不是留空（全院自身），也不是 p25 这样的百分位数",
  ),
} satisfies Record<string, Text>;

export type TrendsStringKey = keyof typeof TRENDS_STRINGS;

/** A string of the view in the language, with `{name}` placeholders filled in. */
export function trendsText(lang: Lang, key: TrendsStringKey, params?: Record<string, string | number>): string {
  return textIn(TRENDS_STRINGS, lang, key, params);
}
