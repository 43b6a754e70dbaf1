/**
 * The words of the two-versions comparison (DRG 版本对比) in English and Chinese: sheets, tables,
 * the summary, the parameters and the reasons rows were left out.
 */
import { Lang, Text } from "../../engine/text";
import { fillText } from "../i18n";
import { CompareSkip } from "./types";

const t = (en: string, zh: string): Text => ({ en, zh });

export const COMPARE_LABELS = {
  sheetComparison: t("Version Comparison", "版本对比"),
  sheetRegrouped: t("Regrouped Cases", "改组病例"),
  sheetParameters: t("Parameters", "参数"),
  title: t("Two DRG versions side by side", "DRG 两个版本对比"),
  note: t(
    "the same cases under version A ({a}) and version B ({b}); CMI = total weight / cases; Δ = B − A; units by total weight change, largest loss first",
    "同一批病例在版本A（{a}）与版本B（{b}）下的结果；CMI = 总权重 / 病例数；Δ = B − A；核算单元按总权重变化排列，减少最多的在前",
  ),
  versionA: t("Version A", "版本A"),
  versionB: t("Version B", "版本B"),
  summary: t("Summary", "摘要"),
  versionOf: t("{version}: {name}", "{version}：{name}"),
  versionText: t("{table}, groups from {groups}", "{table}，分组取自 {groups}"),
  sameGroups: t("the groups of version A", "版本A的分组"),
  versionSameGroups: t("{table}, the groups of version A", "{table}，分组同版本A"),
  cases: t("Cases", "病例数"),
  cmiOf: t("CMI {name}", "{name} CMI"),
  totalWeightOf: t("Total weight {name}", "{name} 总权重"),
  groupsOf: t("Groups {name}", "{name} 病组数"),
  cmiChange: t("ΔCMI", "ΔCMI"),
  cmiChangeRate: t("ΔCMI %", "ΔCMI 变化率"),
  totalWeightChange: t("Δ total weight", "Δ 总权重"),
  groupCountChange: t("Δ groups", "Δ 病组数"),
  regroupedCases: t("Cases regrouped", "改组病例数"),
  regroupedShare: t("Share of cases regrouped", "改组病例占比"),
  regroupedChange: t("Weight change of the regrouped cases", "改组病例的权重变化"),
  department: t("Department", "科室"),
  doctor: t("Doctor", "医师"),
  hospital: t("Hospital", "全院"),
  total: t("Total", "合计"),
  emptyUnit: t(
    "compared cases with an empty {unit} (in the hospital's total, in no unit)",
    "{unit}为空的病例（计入全院合计，不计入任何单元）",
  ),
  regroupedTitle: t("Cases that change group from {a} to {b}", "{a}到{b}改变分组的病例"),
  regroupedNote: t(
    "one row a pair of groups A → B; weight change = cases × (weight B − weight A); largest change first",
    "每行一对分组 A → B；权重变化 = 病例数 × (B 权重 − A 权重)；按变化绝对值从大到小排列",
  ),
  noRegrouped: t(
    "No case changes group: every compared case has the same code under both versions.",
    "没有病例改变分组：所有对比病例在两个版本下编码相同。",
  ),
  sameGroupsNote: t(
    "The case file has no second group column: version B is version A's groups under table B, so only the weights differ.",
    "病例文件没有第二分组列：版本B为版本A的分组配以权重表B，只有权重不同。",
  ),
  groupOf: t("Group {name}", "{name} 组"),
  groupNameOf: t("Group name ({name})", "病组名称（{name}）"),
  weightOf: t("Weight {name}", "{name} 权重"),
  weightChange: t("Weight change", "权重变化"),
  // parameters (the shared words, 参数 / 设置 / 数据 ..., are i18n.ts LABELS)
  nameOf: t("Name of {version}", "{version}名称"),
  weightsOf: t("Weight table of {version}", "{version}权重表"),
  groupsFrom: t("Groups of {version}", "{version}分组"),
  missing: t("Groups without a weight", "无权重的病组"),
  missingExclude: t("left out of both versions and counted (exclude)", "两个版本均不计入并计数（exclude）"),
  missingError: t("an error, naming the table and the row (error)", "报错，指明权重表和行号（error）"),
  unit: t("Unit table", "核算单元表"),
  none: t("none (the hospital only)", "无（仅全院）"),
  missingWeightsB: t("Groups without a weight in table B", "权重表B中无权重的病组"),
} satisfies Record<string, Text>;

export type CompareLabelKey = keyof typeof COMPARE_LABELS;

/** A label, its {placeholders} filled in. */
export function compareLabel(key: CompareLabelKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return fillText(COMPARE_LABELS[key], lang, params);
}

/** The versions' names: --names, else 版本A / 版本B (Version A / Version B). */
export function versionNames(names: [string, string] | undefined, lang: Lang): [string, string] {
  return names ?? [compareLabel("versionA", lang), compareLabel("versionB", lang)];
}

export const COMPARE_SKIP_LABELS: Record<CompareSkip, Text> = {
  blankRow: t("blank rows", "空行"),
  emptyGroupA: t("rows with an empty group under version A", "版本A分组为空的行"),
  emptyGroupB: t("rows with an empty group under version B", "版本B分组为空的行"),
  noCases: t("rows with a blank or zero case count", "病例数为空或为 0 的行"),
  noWeightA: t("rows whose group has no weight in table A", "分组在权重表A中无权重的行"),
  noWeightB: t("rows whose group has no weight in table B", "分组在权重表B中无权重的行"),
  emptyUnit: t(
    "compared cases with an empty unit (left out of the unit table only)",
    "核算单元为空的病例（仅不计入单元表）",
  ),
};
