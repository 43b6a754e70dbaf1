/**
 * Strings of the "DRG payment" view, in English and Chinese (simplified). The words of the
 * sheets come from src/report/payment/labels.ts; the source picker, the column names, the
 * conflict dialog and the undo lines from src/taskpane/i18n.ts, so every view says the same.
 *
 *     paymentText("en", "resultBalance", { balance: "-8,180.00", rate: "-11.58%" })
 */
import { Lang, Text } from "../engine/text";
import { textIn } from "./i18n";

const t = (en: string, zh: string): Text => ({ en, zh });

export const PAYMENT_STRINGS = {
  title: t("CaseMix: DRG payment profit and loss", "CaseMix：DRG 付费盈亏分析"),
  intro: t(
    "For the insurance office: each group's expected DRG payment (预收入) against its cost, with the high- and low-cost cases the payment rules treat apart, per group, department and doctor. Written to new sheets; your data is never changed.",
    "供医保办使用：按病组、科室和医师，比较预期 DRG 支付（预收入）与成本，并列出按支付规则单独处理的高倍率和低倍率病例。结果写入新工作表，不会改动您的数据。",
  ),
  // Data
  dataHint: t(
    "Select the case table with its header row (or one cell inside it): DRG group, total cost (住院总费用), department or doctor; the settlement columns (医保结算) for the check against what was received.",
    "请选中含表头行的病例表（或其中任一单元格）：DRG 组、住院总费用、科室或医师；如有医保结算列，将与实际结算核对。",
  ),
  read: t("Read data and detect columns", "读取数据并识别列"),
  readAgain: t("Read again", "重新读取"),
  // Weights and regional means
  weightsHint: t(
    "The weight table the insurer pays by (group code and weight columns).",
    "医保部门付费所用的权重表（病组编码列与权重列）。",
  ),
  meansSection: t("Group mean costs for the high/low thresholds", "高低倍率判定的病组均值"),
  meansFromData: t("The hospital's own cases of each group", "本院各病组病例的均值"),
  meansFromTable: t(
    "A regional table of group mean costs (group code, mean cost)",
    "区域病组均值表（病组编码、次均费用）",
  ),
  meansHint: t(
    "Select the regional table (a group code column and a mean-cost column such as 次均费用), then read it.",
    "请选中区域病组均值表（病组编码列和次均费用等均值列），然后读取。",
  ),
  readMeans: t("Read group means", "读取病组均值表"),
  meansRead: t("{groups} group means read from {address}", "已从 {address} 读取 {groups} 个病组均值"),
  meansNeeded: t("Read the table of group means first.", "请先读取病组均值表。"),
  // Settings
  rate: t("Rate: money per weight point (费率)", "费率（每权重点金额）"),
  ratePlaceholder: t("e.g. 15000", "例如 15000"),
  pointValue: t("Point value or settlement factor", "点值或结算系数"),
  coefficient: t("Institution coefficient (机构系数)", "机构系数"),
  layer: t("Cost set against the payment", "与支付比较的成本"),
  unit: t("Tables by", "分组统计"),
  unitBoth: t("Department and doctor", "科室和医师"),
  // Build
  build: t("Build payment sheets", "生成 DRG 付费盈亏表"),
  phaseComputing: t("Computing…", "正在计算……"),
  phaseChecking: t("Checking the sheets…", "正在检查工作表……"),
  phaseWriting: t("Writing the sheets… {percent}%", "正在写入工作表…… {percent}%"),
  failed: t("The payment sheets could not be built", "无法生成 DRG 付费盈亏表"),
  missingColumns: t(
    "Missing required column: {columns}. Choose its header below.",
    "缺少必需的列：{columns}。请在下方选择对应的表头。",
  ),
  // Result
  resultTitle: t("Payment sheets written", "DRG 付费盈亏表已生成"),
  resultSheets: t("Sheets: {sheets}", "工作表：{sheets}"),
  resultBalance: t(
    "Expected revenue {revenue}, cost {cost}, balance {balance} ({rate})",
    "预收入 {revenue}，成本 {cost}，结余 {balance}（{rate}）",
  ),
  resultCases: t(
    "{cases} cases in {groups} groups: {normal} normal, {high} high-cost, {low} low-cost; {losing} groups lose money",
    "{groups} 个病组共 {cases} 例：正常 {normal} 例，高倍率 {high} 例，低倍率 {low} 例；{losing} 个病组亏损",
  ),
  resultRows: t(
    "{read} rows read, {used} used, {skipped} left out",
    "读取 {read} 行，使用 {used} 行，跳过 {skipped} 行",
  ),
  // Validation
  notANumber: t("{field}: “{value}” is not a number", "{field}：“{value}” 不是数字"),
  notPositive: t("{field}: {value} must be a number above 0", "{field}：{value} 应为大于 0 的数"),
  rateNeeded: t("Enter the rate (money per weight point).", "请输入费率（每权重点金额）。"),
} satisfies Record<string, Text>;

export type PaymentStringKey = keyof typeof PAYMENT_STRINGS;

/** A string of the view in the language, with `{name}` placeholders filled in. */
export function paymentText(lang: Lang, key: PaymentStringKey, params?: Record<string, string | number>): string {
  return textIn(PAYMENT_STRINGS, lang, key, params);
}
