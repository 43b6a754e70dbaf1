/**
 * The words of the audit's sheets (权重审核 / 审核参数) in English and Chinese, and the names of
 * the tables and units inside them. The words of the findings themselves are
 * src/words/auditFindings.ts's (the custom functions use them too).
 */
import { Lang, Text } from "../../engine/text";
import { AuditUnitDimension } from "../../engine/weightAudit/fromGrid";
import { AuditTableRole } from "../../engine/weightAudit/findings";

const t = (en: string, zh: string): Text => ({ en, zh });

export const AUDIT_LABELS = {
  sheetAudit: t("Weight Audit", "权重审核"),
  sheetParameters: t("Audit Parameters", "审核参数"),
  title: t("Weight table audit", "权重表审核"),
  titlePaired: t("Weight adjustment audit", "权重调整审核"),
  base: t("Base table", "调整前权重表"),
  table: t("Weight table", "权重表"),
  adjusted: t("Adjusted table", "调整后权重表"),
  volume: t("Case volume", "病例量"),
  // neutrality
  neutrality: t("Neutrality of the total weight", "总权重中性"),
  weighting: t("Weighting", "计算口径"),
  weightingCases: t("over the case volume (cases × weight)", "按病例量（病例数 × 权重）"),
  weightingGroups: t("each group counted once (no case volume given)", "每个病组按 1 例计（未提供病例量）"),
  totalBefore: t("Total weight before", "调整前总权重"),
  totalAfter: t("Total weight after", "调整后总权重"),
  relativeChange: t("Relative change (after / before − 1)", "相对变化（调整后 / 调整前 − 1）"),
  restoringFactor: t("Factor that restores the total (before / after)", "还原总权重的系数（调整前 / 调整后）"),
  casesCovered: t("Cases counted (weighed in both tables)", "计入的病例数（两表均有权重）"),
  groupsCovered: t("Groups counted (weighed in both tables)", "计入的病组数（两表均有权重）"),
  casesLeftOut: t("Cases left out (group not weighed in both tables)", "未计入的病例数（病组不是两表均有权重）"),
  groupsLeftOut: t("Groups left out", "未计入的病组"),
  withinTolerance: t("Within the tolerance", "是否在容许范围内"),
  yes: t("yes", "是"),
  no: t("no", "否"),
  // unit tables
  unitCaption: t("Winners and losers by {unit} (winners first)", "各{unit}得失（得益者在前）"),
  hospital: t("Hospital", "医院"),
  hospitalLevel: t("Hospital level", "医院等级"),
  department: t("Department", "科室"),
  cases: t("Cases", "病例数"),
  totalWeightBefore: t("Total weight before", "调整前总权重"),
  totalWeightAfter: t("Total weight after", "调整后总权重"),
  cmiBefore: t("CMI before", "调整前 CMI"),
  cmiAfter: t("CMI after", "调整后 CMI"),
  change: t("Change", "变化"),
  changeAtNeutral: t("Change at neutral total", "总权重还原后的变化"),
  total: t("Total", "合计"),
  unitNote: t(
    "Change = total weight after / before − 1 (the same as the CMI's); “at neutral total” first multiplies the adjusted weights by the restoring factor, so it shows who gains at a constant total.",
    "变化 = 调整后总权重 / 调整前总权重 − 1（与 CMI 的变化相同）；“总权重还原后的变化”先将调整后权重乘以还原系数，反映总权重不变时的得失。",
  ),
  unitLeftOut: t(
    "{unit}: {cases} cases of groups not weighed in both tables are left out",
    "{unit}：{cases} 例所属病组不是两表均有权重，未计入",
  ),
  emptyUnitRows: t(
    "{Unit}: {rows} volume rows with an empty {unit} are left out of this table",
    "{Unit}：{rows} 行病例量的{unit}为空，未计入此表",
  ),
  emptyUnit: t("rows with an empty {unit} (left out of that unit table only)", "{unit}为空的行（仅不计入该单位表）"),
  noUnits: t(
    "The case volume has no hospital, hospital level or department column: no winners and losers table.",
    "病例量中没有医院、医院等级或科室列，未计算各单位得失。",
  ),
  noVolumeForUnits: t(
    "Give a case volume with a hospital, hospital level or department column to see who gains and who loses.",
    "提供含医院、医院等级或科室列的病例量，即可查看各单位得失。",
  ),
  // largest changes
  largestCaption: t("Largest relative changes", "相对变化最大的病组"),
  group: t("DRG group", "DRG 组"),
  family: t("ADRG / family", "核心组 / 病组族"),
  name: t("Group name", "病组名称"),
  before: t("Weight before", "调整前权重"),
  after: t("Weight after", "调整后权重"),
  difference: t("Difference", "差值"),
  relative: t("Relative change", "相对变化"),
  chartTitle: t("Groups with the largest relative weight change", "权重相对变化最大的病组"),
  // findings
  findingsCaption: t("Findings ({count})", "发现的问题（{count} 项）"),
  findingsCaptionGrouped: t(
    "Findings ({count}; the {grouped} codes in one table only are grouped by MDC below)",
    "发现的问题（{count} 项；仅见于一张表的 {grouped} 个编码在下方按 MDC 汇总）",
  ),
  kind: t("Kind", "类型"),
  groups: t("Groups", "病组"),
  weights: t("Weights", "权重"),
  relativeSize: t("Relative", "相对幅度"),
  tableColumn: t("Table", "所在表"),
  detail: t("Detail", "说明"),
  noteFindings: t(
    "Severity order: a more severe group lighter than a less severe one of the same ADRG (CHS-DRG 1 > 3 > 5) or MS-DRG family (W MCC > W CC > W/O CC/MCC); difference = how much lighter, relative = difference / the heavier weight. Changes: difference = after − before, relative = after / before − 1.",
    "严重程度倒挂：同一核心组（CHS-DRG 1 > 3 > 5）或 MS-DRG 病组族（W MCC > W CC > W/O CC/MCC）中，较重的病组权重反而低于较轻的病组；差值 = 低出的权重，相对幅度 = 差值 / 较高的权重。调整变化：差值 = 调整后 − 调整前，相对幅度 = 调整后 / 调整前 − 1。",
  ),
  // summary and key findings
  summary: t("Summary", "概要"),
  groupsInBase: t("Groups in the base table", "调整前表的病组数"),
  groupsInAdjusted: t("Groups in the adjusted table", "调整后表的病组数"),
  groupsInTable: t("Groups in the table", "权重表的病组数"),
  codesInCommon: t("Codes in both tables", "两表共有的编码"),
  overlapShare: t("Codes in common / codes of the smaller table", "共有编码占较小表编码的比例"),
  codesOnlyInBase: t("Codes only in the base table", "仅见于调整前表的编码"),
  codesOnlyInAdjusted: t("Codes only in the adjusted table", "仅见于调整后表的编码"),
  largestInSummary: t("Largest relative changes", "相对变化最大的病组"),
  catalogueNote: t(
    "The tables look like different catalogue versions: {common} codes in common ({share} of the smaller table, under {threshold}), {base} only in the base table, {adjusted} only in the adjusted table. The audit sheet groups those codes by MDC instead of listing each as a finding.",
    "两张表看来是不同版本的分组目录：共有编码 {common} 个（占较小表的 {share}，低于 {threshold}），仅见于调整前表 {base} 个，仅见于调整后表 {adjusted} 个。审核表将这些编码按 MDC 汇总，不逐条列为问题。",
  ),
  severityKey: t("{count} severity inversions ({tables}): {pairs}", "严重程度倒挂 {count} 处（{tables}）：{pairs}"),
  noSeverityKey: t(
    "No severity inversion in {families} ADRGs / families with ordered levels.",
    "{families} 个分级核心组 / 病组族中没有严重程度倒挂。",
  ),
  neutralKey: t(
    "Total weight {change}, within the tolerance of ± {tolerance}.",
    "总权重变化 {change}，在 ± {tolerance} 的容许范围内。",
  ),
  // codes in one table only, by MDC
  oneTableCaption: t(
    "Codes in one table only, by MDC (first letter of the code)",
    "仅见于一张表的编码，按 MDC（编码首字母）汇总",
  ),
  mdc: t("MDC", "MDC"),
  onlyInBaseCount: t("Only in base", "仅调整前表"),
  onlyInAdjustedCount: t("Only in adjusted", "仅调整后表"),
  codesList: t("Codes", "编码"),
  otherCodes: t("other", "其他"),
  oneTableNote: t(
    "Codes listed in one table and absent from the other (a code listed in both with a blank weight on one side stays a finding above).",
    "只在一张表中列出、另一张表中没有的编码（两表都列出但一侧没有权重的编码仍作为问题列在上方）。",
  ),
  // parameters
  catalogueRule: t(
    "Different catalogue versions when codes in common are under",
    "共有编码低于此比例（占较小表）时视为不同版本目录",
  ),
  parametersTitle: t("Parameters: everything needed to reproduce this audit", "参数：复现本审核所需的全部设置"),
  largestChanges: t("Largest changes listed", "列出的最大变化病组数"),
  tolerance: t(
    "Neutrality tolerance (|relative change| up to this is not a finding)",
    "总权重中性容许范围（相对变化绝对值不超过此值不列为问题）",
  ),
  severityRule: t("Severity order", "严重程度顺序"),
  severityRuleText: t(
    "CHS-DRG: inside each ADRG 1 > 3 > 5, also for pairs that skip a level; 7, 9 and local letters are not ordered. MS-DRG: W MCC > W CC (W CC/MCC) > W/O CC/MCC (W/O MCC). Two levels of equal weight are not an inversion.",
    "CHS-DRG：同一核心组内 1 > 3 > 5，跨级比较同样适用；7、9 及本地字母后缀不排序。MS-DRG：W MCC > W CC（W CC/MCC）> W/O CC/MCC（W/O MCC）。权重相同不算倒挂。",
  ),
  columns: t("Columns", "列"),
  codeColumn: t("code", "编码"),
  weightColumn: t("weight", "权重"),
  nameColumn: t("name", "名称"),
  groupColumn: t("group", "病组"),
  casesColumn: t("cases", "病例数"),
  noHeader: t("none (first column code, second weight)", "无（第一列为编码，第二列为权重）"),
  oneCaseARow: t("none: one row a case", "无：每行一个病例"),
  groupsRead: t("Groups", "病组数"),
  rowsWithoutWeight: t("Rows listed without a weight", "列出但没有权重的行"),
  volumeCases: t("Cases", "病例数"),
  familiesChecked: t("ADRGs / families with ordered levels checked", "已检查的分级核心组 / 病组族"),
  findingsOfKind: t("Findings: {kind}", "问题：{kind}"),
  // policy tilt (weight adjustment stage 2)
  titleTilt: t("Policy tilt simulation", "政策倾斜模拟"),
  tilt: t("Policy tilt", "政策倾斜"),
  tiltRule: t("Tilt rule", "政策倾斜规则"),
  tiltedTable: t("the base table tilted and rescaled", "调整前权重表经倾斜并整体缩放"),
  tiltNote: t(
    "Each group's weight is multiplied by the factor of the first clause it matches (others keep 1), then every weight by the neutrality factor, so that the total weight is unchanged; the tables below show the tilt's effect.",
    "各病组权重乘以其第一个符合条件的因子（其余病组因子为 1），再统一乘以中性系数，使总权重不变；下列各表显示倾斜的影响。",
  ),
  clause: t("Clause", "条件"),
  factor: t("Factor", "因子"),
  groupCount: t("Groups", "病组数"),
  matchedGroups: t("Groups matched", "符合的病组"),
  otherGroups: t("other groups (factor 1)", "其他病组（因子 1）"),
  totalTilted: t("Total weight tilted (before rescaling)", "倾斜后总权重（缩放前）"),
  tiltFactor: t("Neutrality factor (total before / total tilted)", "中性系数（调整前总权重 / 倾斜后总权重）"),
  totalRescaled: t("Total weight after rescaling", "缩放后总权重"),
} satisfies Record<string, Text>;

export type AuditLabelKey = keyof typeof AUDIT_LABELS;

/** A label in `lang`, with its `{name}` placeholders filled from `params`. */
export function auditLabel(key: AuditLabelKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return AUDIT_LABELS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Why rows of a table or of the volume were left out. */
export const AUDIT_SKIP_LABELS = {
  blankRows: t("blank rows", "空行"),
  emptyCode: t("rows with an empty group code", "病组编码为空的行"),
  duplicates: t("rows repeating a code with the same weight (counted once)", "重复列出且权重相同的行（只计一次）"),
  emptyGroup: t("rows with an empty DRG group", "DRG 组为空的行"),
  noCases: t("rows with a blank or zero case count", "病例数为空或为 0 的行"),
} satisfies Record<string, Text>;

/** The name of a table in the sheets: "Weight table" alone, "Base table" / "Adjusted table" as a pair. */
export function tableName(which: AuditTableRole, paired: boolean, lang: Lang): string {
  return which === "adjusted" ? auditLabel("adjusted", lang) : auditLabel(paired ? "base" : "table", lang);
}

/** A label inside an English sentence is lower case ("by department"). */
export function lower(text: string, lang: Lang): string {
  return lang === "en" ? text.toLowerCase() : text;
}

export function unitName(dimension: AuditUnitDimension, lang: Lang): string {
  return auditLabel(dimension, lang);
}
