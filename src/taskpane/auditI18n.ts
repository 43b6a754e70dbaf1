/**
 * Strings of the "Audit weights" view, in English and Chinese (simplified). The words of the
 * audit sheet itself come from src/report/audit/, the source picker, the conflict
 * dialog and the undo lines from src/taskpane/i18n.ts, so every view says the same thing.
 *
 *     auditText("en", "tableRead", { groups: 660, rows: 660, address: "Sheet1!A1:E661" })
 */
import { Lang, Text } from "../engine/text";
import { textIn } from "./i18n";

const t = (en: string, zh: string): Text => ({ en, zh });

export const AUDIT_STRINGS = {
  title: t("CaseMix: weight table audit", "CaseMix：权重表审核"),
  intro: t(
    "Point the audit at a weight table, and optionally at the adjusted table and a case volume: it lists every severity-order violation, missing or non-positive weight, the change of the total weight and who gains or loses. The audit is written to new sheets; your data is never changed.",
    "选择权重表，并可选择调整后权重表和病例量：审核将列出所有严重程度倒挂、缺失或非正的权重、总权重的变化以及各单位的得失。审核结果写入新工作表，不会改动您的数据。",
  ),
  // Sources
  base: t("Base table", "调整前权重表"),
  baseAlone: t("Weight table", "权重表"),
  baseHint: t(
    "Last year's or the published table: group code and weight columns (headers such as DRG编码 / 权重 or drg_code / weight are recognised; names are read when present). Select it, then read it.",
    "上年或医保局公布的权重表：病组编码列和权重列（可识别 DRG编码 / 权重、drg_code / weight 等表头，有名称列时一并读取）。选中后读取。",
  ),
  adjusted: t("Adjusted table", "调整后权重表"),
  useAdjusted: t("Compare with an adjusted table", "与调整后权重表比较"),
  adjustedHint: t(
    "This year's or your adjusted table, in the same form as the base table.",
    "本年或调整后的权重表，格式与调整前权重表相同。",
  ),
  tiltRule: t("Tilt rule (instead of an adjusted table)", "政策倾斜规则（代替调整后权重表）"),
  tiltHint: t(
    'Simulate a policy tilt: each clause "condition: factor" (rw>=2, rw<0.8, MDCF, codes FR1,FT2; joined by &), separated by ";"; the first matching clause wins. The weights are then rescaled so that the total weight is unchanged. Leave blank for a plain audit.',
    "模拟政策倾斜：每个条件写作“条件: 因子”（rw>=2、rw<0.8、MDCF、编码 FR1,FT2，可用 & 连接），以“;”分隔，第一个符合的条件生效；随后整体缩放权重，使总权重不变。留空则只审核权重表。",
  ),
  resultTilt: t(
    "Policy tilt: {groups} groups tilted; neutrality factor {factor}",
    "政策倾斜：{groups} 个病组倾斜；中性系数 {factor}",
  ),
  volume: t("Case volume", "病例量"),
  useVolume: t("Weigh the totals by a case volume", "按病例量计算总权重"),
  volumeHint: t(
    "Case rows (a DRG group column) or a group + count table (出院人数, 病例数); hospital (医院), hospital level (医院等级) and department (科室) columns give the winners and losers.",
    "病例明细（含 DRG 组列）或“病组 + 病例数（出院人数）”汇总表；含医院、医院等级或科室列时可计算各单位得失。",
  ),
  read: t("Read", "读取"),
  readAgain: t("Read again", "重新读取"),
  tableRead: t("{groups} groups in {rows} rows read from {address}", "已从 {address} 读取 {rows} 行，{groups} 个病组"),
  tableColumns: t("code: {code} · weight: {weight}", "编码：{code} · 权重：{weight}"),
  tableNames: t(" · name: {name}", " · 名称：{name}"),
  volumeRead: t("{rows} rows read from {address}", "已从 {address} 读取 {rows} 行"),
  volumeUnits: t("winners and losers by: {units}", "按以下单位计算得失：{units}"),
  volumeNoUnits: t("no hospital, hospital level or department column", "没有医院、医院等级或科室列"),
  needRead: t(
    "{sources}: select each and press its Read button first (at Build only one source can come from the current selection).",
    "{sources}：请先逐一选中并点击各自的“读取”按钮（生成时只能有一个来源取自当前选定区域）。",
  ),
  // Settings
  settings: t("Settings", "设置"),
  largest: t("Largest changes to list", "列出相对变化最大的病组数"),
  tolerance: t("Neutrality tolerance (0.001 = 0.1%)", "总权重中性容许范围（0.001 = 0.1%）"),
  notANumber: t("{field}: “{value}” is not a number", "{field}：“{value}” 不是数字"),
  notInRange: t("{field}: {value} must be a {what} of 0 or more", "{field}：{value} 应为大于或等于 0 的{what}"),
  wholeNumber: t("whole number", "整数"),
  number: t("number", "数"),
  // Build
  build: t("Build audit", "生成审核表"),
  phaseReading: t("Reading {source}…", "正在读取{source}……"),
  phaseComputing: t("Auditing…", "正在审核……"),
  phaseChecking: t("Checking the sheets…", "正在检查工作表……"),
  phaseWriting: t("Writing the audit… {percent}%", "正在写入审核表…… {percent}%"),
  failed: t("The audit could not be built", "无法生成审核表"),
  // Result
  resultTitle: t("Audit written", "审核表已生成"),
  resultSheets: t("Sheets: {sheets}", "工作表：{sheets}"),
  resultChecked: t(
    "{groups} groups checked{adjusted}; {families} ADRGs / families with ordered levels",
    "已检查 {groups} 个病组{adjusted}；{families} 个分级核心组 / 病组族",
  ),
  resultAdjusted: t(" (adjusted table: {groups})", "（调整后表 {groups} 个）"),
  resultFindings: t("{count} findings: {list}", "发现 {count} 项：{list}"),
  resultNoFindings: t("No findings.", "未发现问题。"),
  resultNeutrality: t(
    "Total weight {change} ({weighting}); restoring factor {factor}",
    "总权重变化 {change}（{weighting}）；还原系数 {factor}",
  ),
  weightingCases: t("over {cases} cases", "按 {cases} 例计算"),
  weightingGroups: t("each group once", "每个病组按 1 例计"),
  resultUnits: t(
    "{units} {unit}s: most gained {best} ({bestChange}), most lost {worst} ({worstChange}) at a neutral total",
    "{units} 个{unit}：总权重还原后得益最多的是 {best}（{bestChange}），损失最多的是 {worst}（{worstChange}）",
  ),
} satisfies Record<string, Text>;

export type AuditStringKey = keyof typeof AUDIT_STRINGS;

/** A string of the view in the language, with `{name}` placeholders filled in. */
export function auditText(lang: Lang, key: AuditStringKey, params?: Record<string, string | number>): string {
  return textIn(AUDIT_STRINGS, lang, key, params);
}
