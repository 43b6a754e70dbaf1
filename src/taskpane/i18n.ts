/**
 * Every string of the taskpane, in English and Chinese (simplified). The words of the report
 * itself (quadrant names, margin layers) come from src/report/i18n.ts so that the taskpane,
 * the sheets and the command line say the same thing.
 *
 *     paneText("en", "rowsRead", { rows: "1,000" })  // "1,000 rows read"
 */
import { COLUMN_TITLES, ColumnName } from "../engine/columns";
import { Lang, Text } from "../engine/text";

const t = (en: string, zh: string): Text => ({ en, zh });

export const STRINGS = {
  // Views (tabs of the taskpane)
  views: t("CaseMix views", "CaseMix 功能"),
  viewQuadrant: t("Quadrants", "四象限与绩效"),
  viewAudit: t("Weight audit", "权重审核"),
  viewTrends: t("Trends", "趋势与质量"),
  viewPayment: t("DRG payment", "DRG 付费盈亏"),
  title: t("CaseMix: four-quadrant analysis and incentives", "CaseMix：四象限分析与绩效激励"),
  intro: t(
    "Point it at your discharge data, check the settings, press Build. The report is written to new sheets; your data and sheets are never changed.",
    "选择出院病例数据，核对设置，点击“生成报表”。报表写入新工作表，不会改动您的数据和已有工作表。",
  ),
  // Data
  dataSection: t("Data", "数据"),
  sourceKind: t("Read the cases from", "病例数据来源"),
  sourceSelection: t("Current selection", "当前选定区域"),
  sourceTable: t("Excel table", "Excel 表格"),
  sourceName: t("Named range", "命名区域"),
  selectionHint: t(
    "Select the case table with its header row (or one cell inside it) before reading.",
    "请先选中含表头行的病例表（或其中任一单元格）。",
  ),
  pickTable: t("Table", "表格"),
  pickName: t("Name", "名称"),
  noTables: t("This workbook has no Excel table.", "此工作簿中没有 Excel 表格。"),
  noNames: t("This workbook has no named range.", "此工作簿中没有命名区域。"),
  refresh: t("Refresh list", "刷新列表"),
  readData: t("Read data and detect columns", "读取数据并识别列"),
  readAgain: t("Read again", "重新读取"),
  dataRead: t(
    "{rows} rows under the header × {columns} columns read from {address}",
    "已从 {address} 读取表头下 {rows} 行 × {columns} 列",
  ),
  headerRowAt: t("Header row: row {row}", "表头行：第 {row} 行"),
  noHeaderRow: t(
    "No row names a DRG group column; the first row is taken as the header. Map the columns below.",
    "没有找到含 DRG 病组列的表头行，已将第一行作为表头。请在下方指定各列。",
  ),
  // Mapping
  mappingSection: t("Columns", "列映射"),
  mappingHint: t("Detected from the headers; correct any that are wrong.", "根据表头自动识别；如有错误请更正。"),
  notMapped: t("(none)", "（无）"),
  required: t("required", "必需"),
  missingColumns: t(
    "Missing required column: {columns}. Choose its header below.",
    "缺少必需的列：{columns}。请在下方选择对应的表头。",
  ),
  drugParts: t("added up: {headers}", "合计：{headers}"),
  // Weights
  weightsSection: t("Weights", "权重"),
  weightsFromData: t("Compute from the data (trimmed mean cost)", "由数据计算（去极值平均费用）"),
  weightsFromTable: t("Use a weight table (e.g. the published one)", "使用权重表（如医保局公布的权重）"),
  weightsStandardized: t(
    "Standardized five-category weight (医疗、护理、医技、药品、管理 columns)",
    "标准化五类费用权重（医疗、护理、医技、药品、管理五列）",
  ),
  shares: t("Shares of the five categories, in that order", "五类费用的占比（按上述顺序）"),
  sharesPlaceholder: t("default: 0.2 each", "默认：各 0.2"),
  sharesCount: t(
    "Shares of the five categories: give five numbers (or none for 0.2 each), not {count}.",
    "五类费用的占比：请给出五个数（留空则各 0.2），而不是 {count} 个。",
  ),
  trimMethod: t("Outlier trimming", "去除极值方法"),
  trimNone: t("none", "不去除"),
  trimIqr: t("IQR fences (Q1 − k·IQR, Q3 + k·IQR)", "四分位距（Q1 − k·IQR，Q3 + k·IQR）"),
  trimSd: t("mean ± k·SD", "均值 ± k 倍标准差"),
  trimLogSd: t("ln(cost) mean ± k·SD (CMS)", "对数费用均值 ± k 倍标准差（CMS 方法）"),
  trimPercentile: t("percentiles (low, high)", "百分位数（下限、上限）"),
  trimK: t("k", "k"),
  pLow: t("Low percentile (0–1)", "下限百分位（0–1）"),
  pHigh: t("High percentile (0–1)", "上限百分位（0–1）"),
  yearWeights: t(
    "Year weights, oldest first (blank: 1,2,7 for three years)",
    "年度权重，从早到晚（留空：三年时为 1,2,7）",
  ),
  weightTableSource: t("Weight table from", "权重表来源"),
  readWeightTable: t("Read weight table", "读取权重表"),
  weightTableRead: t(
    "{groups} groups with a weight read from {address}",
    "已从 {address} 读取 {groups} 个有权重的病组",
  ),
  weightTableNeeded: t("Read the weight table first.", "请先读取权重表。"),
  weightTableHint: t(
    "Select the weight table (group code and weight columns, header optional), then read it.",
    "请选中权重表（病组编码列和权重列，可含表头），然后读取。",
  ),
  // Settings
  settingsSection: t("Settings", "设置"),
  layer: t("Margin layer (y axis)", "贡献层级（纵轴）"),
  revenue: t("Revenue", "收入口径"),
  revenueSettlement: t("actual settlement", "实际结算"),
  revenuePayment: t("expected DRG payment", "预期DRG支付"),
  paymentRate: t("Rate", "费率"),
  paymentRateHint: t(
    "Rate: money per weight point; point value (settlement factor) and institution coefficient default to 1.",
    "费率：每权重点金额；点值（结算系数）与机构系数默认为 1。",
  ),
  paymentPointValue: t("Point value", "点值"),
  paymentCoefficient: t("Coefficient", "机构系数"),
  xCut: t("x cut line (RW)", "横轴分界线（RW）"),
  xCutCmi: t("hospital CMI", "医院 CMI"),
  xCutOne: t("1.0", "1.0"),
  xCutMedian: t("median RW of the groups", "病组 RW 中位数"),
  yCut: t("y cut line (contribution rate)", "纵轴分界线（贡献率）"),
  yCutHospital: t("the hospital's own rate (default)", "全院贡献率（默认）"),
  yCutZero: t("0", "0"),
  yCutMedian: t("median rate of the groups", "病组贡献率中位数"),
  minCases: t("Minimum cases to classify a group", "病组分类的最少病例数"),
  coefficients: t("Coefficients and quadrant names", "激励系数与象限名称"),
  coefficient: t("Coefficient", "系数"),
  quadrantName: t("Name", "名称"),
  incentiveMode: t("Incentive", "激励方式"),
  perPoint: t("Money per point", "每点金额"),
  pool: t("Bonus pool to share", "奖金池"),
  amount: t("Amount", "金额"),
  unit: t("Unit", "核算单元"),
  unitDepartment: t("Department", "科室"),
  unitDoctor: t("Doctor", "医师"),
  unitBoth: t("Both", "两者"),
  yearWeightsPlaceholder: t("default: 1, 2, 7 (oldest first)", "默认：1, 2, 7（由远及近）"),
  allYears: t("all years", "全部年度"),
  defaultValue: t("default: {value}", "默认：{value}"),
  yearFilter: t("Analyse one year only (blank: all years)", "仅分析某一年度（留空：全部年度）"),
  // Build
  build: t("Build report", "生成报表"),
  cancel: t("Cancel", "取消"),
  cancelling: t("Cancelling…", "正在取消…"),
  phaseReading: t("Reading data… {percent}%", "正在读取数据…… {percent}%"),
  phaseComputing: t("Computing…", "正在计算……"),
  phaseChecking: t("Checking the sheets…", "正在检查工作表……"),
  phaseWriting: t("Writing the report… {percent}%", "正在写入报表…… {percent}%"),
  cancelled: t("Cancelled. Nothing was written.", "已取消，未写入任何内容。"),
  failed: t("The report could not be built", "无法生成报表"),
  // Conflict dialog
  conflictTitle: t("Sheets of the same name exist", "已存在同名工作表"),
  conflictOurs: t(
    "{sheets} already exist and are an earlier CaseMix report. Replace deletes those sheets, with anything you added to them (notes, formulas, charts), once the new report is complete. Replace that report, or keep it and write the new one with the suffix “{suffix}”?",
    "{sheets} 已存在，且是之前由 CaseMix 生成的报表。“替换”会在新报表完整写入后删除这些工作表，连同您在其中添加的内容（批注、公式、图表）。替换该报表，还是保留它并以后缀“{suffix}”写入新报表？",
  ),
  conflictNotOurs: t(
    "{sheets} already exist and are not a CaseMix report; they will not be touched. The new report will be written with the suffix “{suffix}”.",
    "{sheets} 已存在且不是 CaseMix 生成的报表，不会被改动。新报表将以后缀“{suffix}”写入。",
  ),
  replace: t("Replace the earlier report", "替换之前的报表"),
  writeSuffix: t("Write with “{suffix}”", "以“{suffix}”写入"),
  // Result
  resultTitle: t("Report written", "报表已生成"),
  resultSheets: t("Sheets: {sheets}", "工作表：{sheets}"),
  resultCases: t(
    "{cases} cases in {groups} groups; hospital CMI {cmi}",
    "{groups} 个病组共 {cases} 例；医院 CMI {cmi}",
  ),
  resultQuadrants: t("Groups per quadrant: {list}", "各象限病组数：{list}"),
  resultUnits: t("{units} {unit}s; incentive total {amount}", "{units} 个{unit}；激励金额合计 {amount}"),
  resultRows: t(
    "{read} rows read, {used} used, {skipped} left out",
    "读取 {read} 行，使用 {used} 行，跳过 {skipped} 行",
  ),
  resultSkipped: t("Left out: {list}", "跳过：{list}"),
  resultTime: t("Done in {seconds} s.", "用时 {seconds} 秒。"),
  resultUndo: t("One Undo (Ctrl+Z) removes the whole report.", "按一次撤消（Ctrl+Z）即可撤消整个报表。"),
  resultNoUndoGroup: t(
    "This version of Excel cannot group the report into one undo step; delete its sheets to remove it.",
    "此版本 Excel 无法将报表合并为一步撤消；如需移除，请删除报表工作表。",
  ),
  resultReplaced: t("The earlier report was replaced.", "之前的报表已被替换。"),
  resultSuffixed: t(
    "A sheet of the same name is not a CaseMix report, so the report was written with a suffix.",
    "同名工作表不是 CaseMix 报表，因此报表以后缀写入。",
  ),
  // Validation
  notANumber: t("{field}: “{value}” is not a number", "{field}：“{value}” 不是数字"),
  notInRange: t("{field}: {value} must be between {min} and {max}", "{field}：{value} 应在 {min} 与 {max} 之间"),
  notAboveZero: t("{field}: {value} must be above 0", "{field}：{value} 应大于 0"),
  rateNeeded: t(
    "Expected DRG payment needs the rate (money per weight point)",
    "预期DRG支付需要填写费率（每权重点金额）",
  ),
  noExcel: t("Excel is not available: open this page inside Excel.", "未连接到 Excel：请在 Excel 中打开此页面。"),
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

/** A string of a view's table in the language, with `{name}` placeholders filled in: the one lookup of every view. */
export function textIn<K extends string>(
  table: Record<K, Text>,
  lang: Lang,
  key: K,
  params: Record<string, string | number> = {},
): string {
  return table[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A string shared by the views (and the quadrant view's own). */
export function paneText(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  return textIn(STRINGS, lang, key, params);
}

/** Names of the canonical columns shown in the mapping (DOMAIN.md glossary). */
/** The canonical columns' names in both languages (engine/columns.ts). */
export const COLUMN_LABELS: Record<ColumnName, Text> = COLUMN_TITLES;

/** Canonical columns by their names in the user's language, for a message. */
export function columnNames(columns: readonly ColumnName[], lang: Lang): string {
  return columns.map((c) => COLUMN_LABELS[c][lang]).join(lang === "zh" ? "、" : ", ");
}

/** Formats a number for a message in the user's language. */
export function formatNumber(lang: Lang, x: number, digits = 0): string {
  if (!Number.isFinite(x)) return "—";
  return x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
