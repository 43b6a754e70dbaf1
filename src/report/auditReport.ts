/**
 * The weight-adjustment audit report (DOMAIN.md "Weight-adjustment audit"): weight tables and
 * a case volume read from grids (`auditTableFromGrid`, `auditVolumeFromGrid`), the engine's
 * audit turned into numbers (`computeAuditReport`), into a workbook model (`auditWorkbook`:
 * sheets 权重审核 / 审核参数) and into the JSON of the command line (`auditJson`). Knows
 * nothing about Office.js or files: the command line and the taskpane hand it grids.
 *
 * Steps, so that an auditor can redo them:
 * 1. Tables: the code, weight and (optional) name columns are found by their headers
 *    (drg_code / weight, DRG编码 / 权重, DRG Definition, ...) in the first rows; without a
 *    header row the first column is the code and the second the weight. Rows with an empty
 *    code are left out and counted; a code listed twice with the same weight counts once.
 * 2. Volume (optional): a case file (one row a case) or a group + count table (出院人数,
 *    病例数, Total Discharges), with optional unit columns: hospital (医院), hospital level
 *    (医院等级) and department (科室). Rows with an empty group or a blank or zero count are
 *    left out and counted.
 * 3. The audit (`auditWeights`): severity order in both tables, missing, zero or negative
 *    weights, groups in one table only, neutrality over the volume, the largest relative
 *    changes. Per unit column: total weight and CMI before and after, and the change once the
 *    adjusted table is rescaled to neutrality; rows with an empty unit are left out of that
 *    unit table only.
 */
import { CaseMixError, Lang, Text } from "../engine/text";
import { internCodes, Interned, normalizeCode, normalizeKey } from "../engine/codes";
import { detectCaseColumns, findHeaderRow, Grid, readCaseTable } from "../engine/caseTable";
import { ColumnName, headerKey, matchHeader } from "../engine/columns";
import { cellNumber, isBlankCell } from "../engine/input";
import {
  auditWeights,
  AuditResult,
  Finding,
  FINDING_KINDS,
  FINDING_LABELS,
  FindingKind,
  findingRow,
  noFindingsRow,
  TableInput,
  UnitChange,
  VolumeInput,
  WeightChange,
} from "../engine/weightAudit";
import { label } from "./i18n";
import {
  BarChartModel,
  CellValue,
  ColumnModel,
  ConditionalFormat,
  KeyValueBlock,
  SheetModel,
  TableBlock,
  WorkbookModel,
  placeBlocks,
} from "./model";
import { colon, jsonNumber, numberCell, paren } from "./common";

// ---------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------

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
  // parameters
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
} satisfies Record<string, Text>;

type AuditLabelKey = keyof typeof AUDIT_LABELS;

function L(key: AuditLabelKey, lang: Lang, params: Record<string, string | number> = {}): string {
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

// ---------------------------------------------------------------------------------------
// Reading tables and the volume from grids
// ---------------------------------------------------------------------------------------

/** Where a grid came from, for messages and the parameters sheet. */
export interface GridOrigin {
  /** File path or range address. */
  source: string;
  sheet?: string;
  encoding?: string;
  /** Row number of the grid's first row in the source (default 1). */
  firstRow?: number;
  /** Name used in error messages (default: `source`). */
  argName?: string;
}

/** A weight table read for the audit, with where it came from and what was left out. */
export interface AuditTableSource extends GridOrigin {
  table: TableInput;
  /** Row number of the header in the source; 0 when the table has none. */
  headerRow: number;
  /** Headers of the columns used (`#1`, `#2` without a header row). */
  columns: { code: string; weight: string; name?: string };
  /** Rows below the header. */
  rowsRead: number;
  /** Distinct codes. */
  groups: number;
  /** Rows with a code and a blank weight (reported as findings). */
  rowsWithoutWeight: number;
  skipped: { blankRows: number; emptyCode: number; duplicates: number };
}

export type AuditUnitDimension = "hospital" | "hospitalLevel" | "department";
export const AUDIT_UNIT_DIMENSIONS: readonly AuditUnitDimension[] = ["hospital", "hospitalLevel", "department"];

/** A case volume read for the audit. */
export interface AuditVolumeSource extends GridOrigin {
  volume: VolumeInput;
  /** The unit columns found, in the order hospital, hospital level, department. */
  units: { dimension: AuditUnitDimension; header: string; values: Interned }[];
  headerRow: number;
  columns: { group: string; cases?: string } & Partial<Record<AuditUnitDimension, string>>;
  rowsRead: number;
  skipped: { blankRows: number; emptyGroup: number };
}

/** Header keys without spaces, case, full-width forms and `_ - .` (drg_code -> DRGCODE). */
function looseKey(header: unknown): string {
  return headerKey(header).replace(/[_\-.·]/g, "");
}

const CODE_WORDS = new Set([
  "DRGCODE",
  "CODE",
  "GROUPCODE",
  "DRGID",
  "编码",
  "代码",
  "分组编码",
  "病组",
  "DRG编号",
  "CHSDRG编码",
  "CHSDRG",
]);
const NAME_WORDS = new Set(["DRGNAME", "NAME", "GROUPNAME", "名称", "病组名称", "分组名称", "DRG组名称"]);
const WEIGHT_WORDS = new Set([
  "WEIGHT",
  "RW",
  "DRGWEIGHT",
  "RELATIVEWEIGHT",
  "权重",
  "相对权重",
  "基准权重",
  "病组权重",
  "DRG权重",
  "调整后权重",
  "调整前权重",
  "新权重",
  "原权重",
]);
const COUNT_WORDS = new Set([
  "COUNT",
  "N",
  "CASES",
  "CASECOUNT",
  "DISCHARGES",
  "TOTALDISCHARGES",
  "数量",
  "人数",
  "人次",
  "出院人次",
  "病例数量",
]);
const LEVEL_WORDS = new Set(["医院等级", "医院级别", "机构等级", "机构级别", "等级", "级别", "HOSPITALLEVEL", "LEVEL"]);

function isCodeHeader(h: unknown): boolean {
  return matchHeader(h) === "drg" || CODE_WORDS.has(looseKey(h));
}
function isNameHeader(h: unknown): boolean {
  return matchHeader(h) === "drgName" || NAME_WORDS.has(looseKey(h));
}
function isWeightHeader(h: unknown): boolean {
  const k = looseKey(h);
  return matchHeader(h) === "weight" || WEIGHT_WORDS.has(k);
}
function looseWeightHeader(h: unknown): boolean {
  const k = looseKey(h);
  return k.includes("权重") || k.includes("WEIGHT");
}

function headerText(value: unknown): string {
  return isBlankCell(value) ? "" : String(value).trim();
}

const SCAN_ROWS = 30;

/** The header row of a weight table and its code / weight / name columns, or undefined. */
function findTableHeader(grid: Grid): { row: number; code: number; weight: number; name?: number } | undefined {
  const limit = Math.min(grid.rowCount, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    let code = -1;
    let weight = -1;
    let loose = -1;
    let name = -1;
    for (let c = 0; c < grid.columnCount; c++) {
      const h = grid.cell(r, c);
      if (code < 0 && isCodeHeader(h)) code = c;
      else if (weight < 0 && isWeightHeader(h)) weight = c;
      else if (name < 0 && isNameHeader(h)) name = c;
      else if (loose < 0 && looseWeightHeader(h)) loose = c;
    }
    if (weight < 0) weight = loose;
    if (code >= 0 && weight >= 0) return { row: r, code, weight, name: name >= 0 ? name : undefined };
    // A first row naming the weight exactly, and one other column: that is the code.
    const exact = weight >= 0 && weight !== loose;
    if (r === 0 && exact && grid.columnCount === 2) return { row: r, code: weight === 0 ? 1 : 0, weight };
  }
  return undefined;
}

function rowIsBlank(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.columnCount; c++) if (!isBlankCell(grid.cell(r, c))) return false;
  return true;
}

/**
 * Reads a weight table for the audit from a grid (a CSV file, a sheet, a range): see the
 * module comment, step 1. Blank weights are kept (they are findings).
 *
 *     auditTableFromGrid(gridFromRows([["drg_code", "weight"], ["GB11", "1.2"]]), { source: "w.csv" })
 *       .table.codes  // ["GB11"]
 */
export function auditTableFromGrid(grid: Grid, origin: GridOrigin): AuditTableSource {
  const argName = origin.argName ?? origin.source;
  const firstRow = origin.firstRow ?? 1;
  if (grid.columnCount < 2) {
    throw new CaseMixError("value", {
      en: `${argName}: a weight table needs two columns, group code and weight`,
      zh: `${argName}：权重表需要两列：病组编码和权重`,
    });
  }
  const header = findTableHeader(grid);
  const from = header ? header.row + 1 : 0;
  const code = header?.code ?? 0;
  const weight = header?.weight ?? 1;
  const name = header?.name;
  const n = Math.max(0, grid.rowCount - from);
  const codes = Array.from(grid.column(code, from));
  const weights = Array.from(grid.column(weight, from));
  const names = name === undefined ? undefined : Array.from(grid.column(name, from));
  let blankRows = 0;
  let emptyCode = 0;
  let rowsWithoutWeight = 0;
  const seen = new Set<string>();
  let coded = 0;
  for (let i = 0; i < n; i++) {
    const c = normalizeCode(codes[i]);
    if (c === "") {
      if (rowIsBlank(grid, from + i)) blankRows++;
      else emptyCode++;
      continue;
    }
    coded++;
    seen.add(c);
    const w = cellNumber(weights[i]);
    if (w !== undefined && w !== w) rowsWithoutWeight++;
  }
  const headerOf = (c: number) => (header ? headerText(grid.cell(header.row, c)) || `#${c + 1}` : `#${c + 1}`);
  return {
    source: origin.source,
    sheet: origin.sheet,
    encoding: origin.encoding,
    firstRow,
    argName,
    table: { codes, weights, names, argName, firstRow: firstRow + from },
    headerRow: header ? firstRow + header.row : 0,
    columns: {
      code: headerOf(code),
      weight: headerOf(weight),
      ...(name !== undefined ? { name: headerOf(name) } : {}),
    },
    rowsRead: n,
    groups: seen.size,
    rowsWithoutWeight,
    skipped: { blankRows, emptyCode, duplicates: coded - seen.size },
  };
}

/**
 * Reads a case volume from a grid: a case file or a group + count table, with optional unit
 * columns (module comment, step 2).
 *
 *     auditVolumeFromGrid(gridFromRows([["DRG编码", "出院人数", "医院"], ["GB11", 3, "甲"]]), { source: "v.csv" })
 *       .units.map((u) => u.dimension)  // ["hospital"]
 */
export function auditVolumeFromGrid(grid: Grid, origin: GridOrigin): AuditVolumeSource {
  const firstRow = origin.firstRow ?? 1;
  let headerRow = findHeaderRow(grid);
  const mapping: Partial<Record<ColumnName, number>> = {};
  const headersOf = (r: number) => Array.from({ length: grid.columnCount }, (_, c) => grid.cell(r, c));
  if (headerRow < 0) {
    const limit = Math.min(grid.rowCount, SCAN_ROWS);
    for (let r = 0; r < limit && headerRow < 0; r++) {
      const c = headersOf(r).findIndex(isCodeHeader);
      if (c >= 0) {
        headerRow = r;
        mapping.drg = c;
      }
    }
  }
  if (headerRow < 0) {
    throw new CaseMixError("value", {
      en: `${origin.argName ?? origin.source}: no header row naming the DRG group (DRG编码, drg_code, DRG, ...) in the first ${SCAN_ROWS} rows`,
      zh: `${origin.argName ?? origin.source}：前 ${SCAN_ROWS} 行中没有含 DRG 病组列（DRG编码、drg_code、DRG 等）的表头行`,
    });
  }
  const headers = headersOf(headerRow);
  const detected = detectCaseColumns(headers).columns;
  const drg = mapping.drg ?? detected.drg;
  if (detected.cases === undefined) {
    // Count columns the case-table words do not name (count, n, 人次, ...).
    const c = headers.findIndex((h, i) => i !== drg && COUNT_WORDS.has(looseKey(h)));
    if (c >= 0) mapping.cases = c;
  }
  const level = headers.findIndex(
    (h, i) => LEVEL_WORDS.has(looseKey(h)) && i !== detected.hospital && i !== detected.department,
  );
  const table = readCaseTable(grid, {
    headerRow,
    firstRow,
    mapping,
    columns: ["drg", "cases", "hospital", "department"],
  });
  const from = headerRow + 1;
  const units: AuditVolumeSource["units"] = [];
  const columns: AuditVolumeSource["columns"] = { group: headerText(headers[table.mapping.drg as number]) };
  if (table.mapping.cases !== undefined) columns.cases = headerText(headers[table.mapping.cases]);
  const addUnit = (dimension: AuditUnitDimension, c: number | undefined, values: Interned | undefined) => {
    if (c === undefined || c < 0 || !values) return;
    const header = headerText(headers[c]);
    units.push({ dimension, header, values });
    columns[dimension] = header;
  };
  addUnit("hospital", table.mapping.hospital, table.hospital);
  addUnit("hospitalLevel", level, level >= 0 ? internCodes(grid.column(level, from), normalizeKey) : undefined);
  addUnit("department", table.mapping.department, table.department);
  return {
    source: origin.source,
    sheet: origin.sheet,
    encoding: origin.encoding,
    firstRow,
    argName: origin.argName,
    volume: { groups: table.groups, counts: table.numbers.cases },
    units,
    headerRow: firstRow + headerRow,
    columns,
    rowsRead: table.rowCount,
    skipped: { blankRows: table.skipped.blankRows, emptyGroup: table.skipped.emptyGroup },
  };
}

// ---------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------

export interface AuditSettings {
  /** How many of the largest relative changes are listed (findings, table and chart). */
  largestChanges: number;
  /** A relative change of the total weight up to this is not a finding. */
  neutralityTolerance: number;
}

export const DEFAULT_AUDIT_SETTINGS: Readonly<AuditSettings> = { largestChanges: 10, neutralityTolerance: 0.001 };

export interface AuditContext {
  /** CaseMix version (package.json). */
  version: string;
  /** When the audit was built (default now). */
  time?: Date;
}

export interface AuditSources {
  base: AuditTableSource;
  adjusted?: AuditTableSource;
  volume?: AuditVolumeSource;
}

export interface AuditUnitTable {
  dimension: AuditUnitDimension;
  /** The header of the unit column in the volume. */
  header: string;
  /** Winners first (the engine's order). */
  rows: UnitChange[];
  /** All units together (unit = ""). */
  total: UnitChange;
  /** Volume rows with an empty unit, left out of this table only. */
  emptyUnitRows: number;
}

export interface LargestChange extends WeightChange {
  /** Name from the adjusted table, else the base table; "" when neither has one. */
  name: string;
}

export interface AuditReport {
  settings: AuditSettings;
  context: AuditContext & { time: Date };
  sources: AuditSources;
  result: AuditResult;
  /** One per unit column of the volume, when there is an adjusted table. */
  units: AuditUnitTable[];
  /** The largest relative changes (finite and not zero), largest first: the largeChange findings. */
  largest: LargestChange[];
  /** Findings per kind (every kind, 0 included). */
  counts: Record<FindingKind, number>;
}

function namesOf(sources: AuditSources): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of [sources.base, sources.adjusted]) {
    const names = s?.table.names;
    if (!s || !names) continue;
    for (let i = 0; i < s.table.codes.length; i++) {
      const name = headerText(names[i]);
      const code = normalizeCode(s.table.codes[i]);
      if (code !== "" && name !== "") out.set(code, name);
    }
  }
  return out;
}

function unitTotal(rows: readonly UnitChange[], factor: number): UnitChange {
  let cases = 0;
  let missing = 0;
  let tb = 0;
  let ta = 0;
  for (const r of rows) {
    cases += r.cases;
    missing += r.casesWithoutWeight;
    tb += r.totalWeightBefore;
    ta += r.totalWeightAfter;
  }
  return {
    unit: "",
    cases,
    casesWithoutWeight: missing,
    totalWeightBefore: tb,
    totalWeightAfter: ta,
    cmiBefore: cases > 0 ? tb / cases : NaN,
    cmiAfter: cases > 0 ? ta / cases : NaN,
    change: tb !== 0 ? ta / tb - 1 : NaN,
    changeAtNeutral: tb !== 0 && Number.isFinite(factor) ? (ta * factor) / tb - 1 : NaN,
  };
}

/**
 * Runs the audit over the sources; see the module comment. Throws the engine's errors (a
 * weight that is not a number, a code listed twice with different weights), naming the source
 * and the row.
 */
export function computeAuditReport(sources: AuditSources, settings: AuditSettings, context: AuditContext): AuditReport {
  const input = { base: sources.base.table, adjusted: sources.adjusted?.table, volume: sources.volume?.volume };
  const options = { largestChanges: settings.largestChanges, neutralityTolerance: settings.neutralityTolerance };
  const result = auditWeights(input, options);
  const units: AuditUnitTable[] = [];
  if (sources.adjusted && sources.volume && result.neutrality) {
    const factor = result.neutrality.restoringFactor;
    for (const u of sources.volume.units) {
      // The same audit with this unit column: only its unit table is used.
      const r = auditWeights(
        { ...input, volume: { ...sources.volume.volume, units: u.values } },
        { ...options, largestChanges: 0 },
      );
      const rows = r.units ?? [];
      units.push({
        dimension: u.dimension,
        header: u.header,
        rows,
        total: unitTotal(rows, factor),
        emptyUnitRows: r.volumeSkipped?.emptyKey ?? 0,
      });
    }
  }
  const names = namesOf(sources);
  const largest: LargestChange[] = [];
  for (const c of result.changes) {
    if (largest.length >= settings.largestChanges) break;
    if (!(c.relative !== 0 && Number.isFinite(c.relative))) continue;
    largest.push({ ...c, name: names.get(c.code) ?? "" });
  }
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of result.findings) counts[f.kind]++;
  return {
    settings,
    context: { ...context, time: context.time ?? new Date() },
    sources,
    result,
    units,
    largest,
    counts,
  };
}

// ---------------------------------------------------------------------------------------
// JSON (command line --json)
// ---------------------------------------------------------------------------------------

function sourceJson(s: AuditTableSource | AuditVolumeSource): Record<string, unknown> {
  const common = {
    source: s.source,
    sheet: s.sheet ?? null,
    encoding: s.encoding ?? null,
    headerRow: s.headerRow,
    columns: s.columns,
    rowsRead: s.rowsRead,
    skipped: s.skipped,
  };
  if ("table" in s) return { ...common, groups: s.groups, rowsWithoutWeight: s.rowsWithoutWeight };
  return { ...common, units: s.units.map((u) => u.dimension) };
}

/** The audit's settings and bookkeeping as plain JSON (the `parameters` of --json). */
export function auditParameters(report: AuditReport): Record<string, unknown> {
  const r = report.result;
  const volume = report.sources.volume;
  return {
    version: report.context.version,
    time: report.context.time.toISOString(),
    largestChanges: report.settings.largestChanges,
    neutralityTolerance: report.settings.neutralityTolerance,
    base: sourceJson(report.sources.base),
    adjusted: report.sources.adjusted ? sourceJson(report.sources.adjusted) : null,
    volume: volume
      ? { ...sourceJson(volume), cases: r.checked.volumeCases ?? 0, skippedByAudit: r.volumeSkipped ?? null }
      : null,
    checked: r.checked,
    counts: report.counts,
  };
}

/** One finding as JSON, its label and detail in `lang`. */
export function findingJson(f: Finding, lang: Lang): Record<string, unknown> {
  return {
    kind: f.kind,
    label: FINDING_LABELS[f.kind][lang],
    table: f.table,
    family: f.family,
    groups: f.groups,
    weights: f.weights.map(jsonNumber),
    levels: f.levels ?? null,
    size: jsonNumber(f.size),
    cases: f.cases ?? null,
    detail: f.detail[lang],
  };
}

/**
 * The JSON of `casemix audit --json`: findings, neutrality (null without an adjusted table),
 * the largest changes, the unit rows (with their dimension) and the parameters. NaN becomes null.
 */
export function auditJson(
  report: AuditReport,
  lang: Lang,
): {
  findings: Record<string, unknown>[];
  neutrality: Record<string, unknown> | null;
  largestChanges: Record<string, unknown>[];
  units: Record<string, unknown>[];
  parameters: Record<string, unknown>;
} {
  const n = report.result.neutrality;
  return {
    findings: report.result.findings.map((f) => findingJson(f, lang)),
    neutrality: n
      ? {
          weighting: n.weighting,
          totalBefore: n.totalBefore,
          totalAfter: n.totalAfter,
          relativeChange: jsonNumber(n.relativeChange),
          restoringFactor: jsonNumber(n.restoringFactor),
          casesCovered: n.casesCovered,
          casesWithoutWeight: n.casesWithoutWeight,
          groupsWithoutWeight: n.groupsWithoutWeight,
          withinTolerance: Math.abs(n.relativeChange) <= report.settings.neutralityTolerance,
        }
      : null,
    largestChanges: report.largest.map((c) => ({
      code: c.code,
      name: c.name,
      family: c.family,
      before: c.before,
      after: c.after,
      change: c.change,
      relative: jsonNumber(c.relative),
      cases: c.cases ?? null,
    })),
    units: report.units.flatMap((t) =>
      t.rows.map((u) => ({
        dimension: t.dimension,
        unit: u.unit,
        cases: u.cases,
        casesWithoutWeight: u.casesWithoutWeight,
        totalWeightBefore: u.totalWeightBefore,
        totalWeightAfter: u.totalWeightAfter,
        cmiBefore: jsonNumber(u.cmiBefore),
        cmiAfter: jsonNumber(u.cmiAfter),
        change: jsonNumber(u.change),
        changeAtNeutral: jsonNumber(u.changeAtNeutral),
      })),
    ),
    parameters: auditParameters(report),
  };
}

// ---------------------------------------------------------------------------------------
// Workbook model
// ---------------------------------------------------------------------------------------

/** Fills of the kind cells of the findings table. */
export const FINDING_FILLS: Record<FindingKind, string> = {
  neutrality: "#FFEB9C",
  severityOrder: "#FFC7CE",
  missingWeight: "#F8CBAD",
  nonPositiveWeight: "#FFC7CE",
  onlyInBase: "#DDEBF7",
  onlyInAdjusted: "#E2EFDA",
  largeChange: "#EDEDED",
};
const NO_FINDINGS_FILL = "#C6EFCE";
const GAIN = { fill: "#C6EFCE", font: "#006100" };
const LOSS = { fill: "#FFC7CE", font: "#9C0006" };
const BAR_UP = "#4472C4";
const BAR_DOWN = "#C00000";

const listSep = (lang: Lang) => (lang === "zh" ? "、" : ", ");
const clauseSep = (lang: Lang) => (lang === "zh" ? "；" : "; ");

/** A relative change as text: "+1.2345%" (digits after the point), "—" when not finite. */
function percentText(r: number, digits = 2): string {
  if (!Number.isFinite(r)) return "—";
  return (r > 0 ? "+" : "") + (r * 100).toFixed(digits) + "%";
}

/** A share as a plain percent without trailing zeros: 0.001 -> "0.1%". */
function plainPercent(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

function count(x: number, lang: Lang): string {
  return Number.isFinite(x) ? x.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }) : "—";
}

function shortList(codes: readonly string[], lang: Lang, max = 30): string {
  return (codes.length > max ? [...codes.slice(0, max), "…"] : codes).join(listSep(lang));
}

function tableName(which: "base" | "adjusted", paired: boolean, lang: Lang): string {
  return which === "adjusted" ? L("adjusted", lang) : L(paired ? "base" : "table", lang);
}

/** A label inside an English sentence is lower case ("by department"). */
function lower(text: string, lang: Lang): string {
  return lang === "en" ? text.toLowerCase() : text;
}

function unitName(dimension: AuditUnitDimension, lang: Lang): string {
  return L(dimension, lang);
}

/** The difference and relative columns of a finding (see the findings note). */
function findingSizes(f: Finding): [number | undefined, number | undefined] {
  switch (f.kind) {
    case "severityOrder":
      return [f.size, f.weights[1] > 0 ? f.size / f.weights[1] : undefined];
    case "largeChange":
    case "neutrality":
      return [f.weights[1] - f.weights[0], f.size];
    default:
      return [undefined, undefined];
  }
}

function findingsBlock(report: AuditReport, lang: Lang): TableBlock {
  const paired = report.sources.adjusted !== undefined;
  const columns: ColumnModel[] = [
    { id: "kind", header: L("kind", lang), type: "text", width: 18 },
    { id: "family", header: L("family", lang), type: "text", width: 14 },
    { id: "groups", header: L("groups", lang), type: "text", width: 18 },
    { id: "weights", header: L("weights", lang), type: "text", width: 18 },
    { id: "difference", header: L("difference", lang), type: "weight", width: 12 },
    { id: "relative", header: L("relativeSize", lang), type: "percent", width: 11 },
    { id: "cases", header: L("cases", lang), type: "integer", width: 10 },
    { id: "table", header: L("tableColumn", lang), type: "text", width: 14 },
    { id: "detail", header: L("detail", lang), type: "text", width: 72 },
  ];
  const findings = report.result.findings;
  const rows: CellValue[][] = findings.map((f) => {
    const [kind, family, groups, weights, detail] = findingRow(f, lang);
    const [difference, relative] = findingSizes(f);
    return [
      kind,
      family,
      groups,
      weights,
      numberCell(difference),
      numberCell(relative),
      numberCell(f.cases),
      tableName(f.table, paired, lang),
      detail,
    ];
  });
  const none = findings.length === 0 ? noFindingsRow(report.result, lang) : undefined;
  if (none) rows.push([none[0], "", "", "", null, null, null, "", none[4]]);
  const conditionalFormats: ConditionalFormat[] = FINDING_KINDS.map((k) => ({
    columnId: "kind",
    rule: { kind: "textEquals", text: FINDING_LABELS[k][lang], fill: FINDING_FILLS[k] },
  }));
  if (none)
    conditionalFormats.push({ columnId: "kind", rule: { kind: "textEquals", text: none[0], fill: NO_FINDINGS_FILL } });
  return {
    kind: "table",
    caption: L("findingsCaption", lang, { count: findings.length }),
    columns,
    rows,
    conditionalFormats,
    autoFilter: findings.length > 0,
  };
}

function neutralityBlock(report: AuditReport, lang: Lang): KeyValueBlock | undefined {
  const n = report.result.neutrality;
  if (!n) return undefined;
  const byCases = n.weighting === "cases";
  const rows: [string, CellValue][] = [
    [L("weighting", lang), L(byCases ? "weightingCases" : "weightingGroups", lang)],
    [L("totalBefore", lang), numberCell(n.totalBefore)],
    [L("totalAfter", lang), numberCell(n.totalAfter)],
    [L("relativeChange", lang), percentText(n.relativeChange, 4)],
    [L("restoringFactor", lang), numberCell(n.restoringFactor)],
    [L(byCases ? "casesCovered" : "groupsCovered", lang), n.casesCovered],
  ];
  if (n.casesWithoutWeight > 0) {
    if (byCases) rows.push([L("casesLeftOut", lang), n.casesWithoutWeight]);
    rows.push([
      `${L("groupsLeftOut", lang)} (${n.groupsWithoutWeight.length})`,
      shortList(n.groupsWithoutWeight, lang),
    ]);
  }
  const within = Math.abs(n.relativeChange) <= report.settings.neutralityTolerance;
  rows.push([
    `${L("withinTolerance", lang)}${paren(`± ${plainPercent(report.settings.neutralityTolerance)}`, lang)}`,
    L(within ? "yes" : "no", lang),
  ]);
  return { kind: "keyValue", caption: L("neutrality", lang), rows };
}

function unitBlock(u: AuditUnitTable, lang: Lang): TableBlock {
  const name = unitName(u.dimension, lang);
  const row = (r: UnitChange): CellValue[] => [
    r.unit,
    r.cases,
    r.totalWeightBefore,
    r.totalWeightAfter,
    numberCell(r.cmiBefore),
    numberCell(r.cmiAfter),
    numberCell(r.change),
    numberCell(r.changeAtNeutral),
  ];
  const total = row(u.total);
  total[0] = L("total", lang);
  const changeFormats = (id: string): ConditionalFormat[] => [
    { columnId: id, rule: { kind: "greaterThan", value: 0, fill: GAIN.fill, font: GAIN.font } },
    { columnId: id, rule: { kind: "lessThan", value: 0, fill: LOSS.fill, font: LOSS.font } },
  ];
  return {
    kind: "table",
    caption:
      L("unitCaption", lang, { unit: lower(name, lang) }) + (u.header && u.header !== name ? ` · ${u.header}` : ""),
    columns: [
      { id: "unit", header: name, type: "text", width: 24 },
      { id: "cases", header: L("cases", lang), type: "integer", width: 10 },
      { id: "totalBefore", header: L("totalWeightBefore", lang), type: "number", width: 14 },
      { id: "totalAfter", header: L("totalWeightAfter", lang), type: "number", width: 14 },
      { id: "cmiBefore", header: L("cmiBefore", lang), type: "weight", width: 11 },
      { id: "cmiAfter", header: L("cmiAfter", lang), type: "weight", width: 11 },
      { id: "change", header: L("change", lang), type: "percent", width: 11 },
      { id: "changeAtNeutral", header: L("changeAtNeutral", lang), type: "percent", width: 14 },
    ],
    rows: u.rows.map(row),
    totalRow: total,
    conditionalFormats: [...changeFormats("change"), ...changeFormats("changeAtNeutral")],
  };
}

function largestBlock(report: AuditReport, lang: Lang): TableBlock {
  const withCases = report.sources.volume !== undefined;
  const columns: ColumnModel[] = [
    { id: "code", header: L("group", lang), type: "text", width: 10 },
    { id: "family", header: L("family", lang), type: "text", width: 10 },
    { id: "name", header: L("name", lang), type: "text", width: 30 },
    ...(withCases ? [{ id: "cases", header: L("cases", lang), type: "integer", width: 10 } as ColumnModel] : []),
    { id: "before", header: L("before", lang), type: "weight", width: 12 },
    { id: "after", header: L("after", lang), type: "weight", width: 12 },
    { id: "difference", header: L("difference", lang), type: "weight", width: 12 },
    { id: "relative", header: L("relative", lang), type: "percent", width: 11 },
  ];
  return {
    kind: "table",
    caption: L("largestCaption", lang),
    columns,
    rows: report.largest.map((c) => [
      c.code,
      c.family,
      c.name,
      ...(withCases ? [numberCell(c.cases)] : []),
      c.before,
      c.after,
      c.change,
      numberCell(c.relative),
    ]),
    conditionalFormats: [
      { columnId: "relative", rule: { kind: "greaterThan", value: 0, fill: GAIN.fill, font: GAIN.font } },
      { columnId: "relative", rule: { kind: "lessThan", value: 0, fill: LOSS.fill, font: LOSS.font } },
    ],
  };
}

function sourcesNote(report: AuditReport, lang: Lang): string {
  const { base, adjusted, volume } = report.sources;
  const paired = adjusted !== undefined;
  const groups = (n: number) => (lang === "zh" ? `${count(n, lang)} 个病组` : `${count(n, lang)} groups`);
  const parts = [
    `${L(paired ? "base" : "table", lang)}${colon(lang)}${base.source}${paren(groups(base.groups), lang)}`,
  ];
  if (adjusted)
    parts.push(`${L("adjusted", lang)}${colon(lang)}${adjusted.source}${paren(groups(adjusted.groups), lang)}`);
  if (volume) {
    const cases = report.result.checked.volumeCases ?? 0;
    parts.push(
      `${L("volume", lang)}${colon(lang)}${volume.source}${paren(lang === "zh" ? `${count(cases, lang)} 例` : `${count(cases, lang)} cases`, lang)}`,
    );
  }
  return parts.join(clauseSep(lang));
}

function countsNote(report: AuditReport, lang: Lang): string {
  const total = report.result.findings.length;
  const kinds = FINDING_KINDS.filter((k) => report.counts[k] > 0).map(
    (k) => `${FINDING_LABELS[k][lang]} ${report.counts[k]}`,
  );
  if (total === 0) return noFindingsRow(report.result, lang)[4];
  return lang === "zh" ? `共发现 ${total} 项：${kinds.join("、")}` : `${total} findings: ${kinds.join(", ")}`;
}

function auditSheet(report: AuditReport, lang: Lang): SheetModel {
  const paired = report.sources.adjusted !== undefined;
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: L(paired ? "titlePaired" : "title", lang), style: "title" },
    { kind: "text", text: sourcesNote(report, lang), style: "note" },
    { kind: "text", text: countsNote(report, lang), style: report.result.findings.length > 0 ? "warning" : "note" },
  ];
  const neutral = neutralityBlock(report, lang);
  if (neutral) blocks.push(neutral);
  if (paired) {
    if (report.units.length > 0) {
      blocks.push({ kind: "text", text: L("unitNote", lang), style: "note" });
      for (const u of report.units) {
        blocks.push(unitBlock(u, lang));
        const name = unitName(u.dimension, lang);
        if (u.total.casesWithoutWeight > 0) {
          blocks.push({
            kind: "text",
            text: L("unitLeftOut", lang, { unit: name, cases: count(u.total.casesWithoutWeight, lang) }),
            style: "warning",
          });
        }
        if (u.emptyUnitRows > 0) {
          blocks.push({
            kind: "text",
            text: L("emptyUnitRows", lang, { Unit: name, unit: lower(name, lang), rows: count(u.emptyUnitRows, lang) }),
            style: "warning",
          });
        }
      }
    } else {
      blocks.push({
        kind: "text",
        text: L(report.sources.volume ? "noUnits" : "noVolumeForUnits", lang),
        style: "note",
      });
    }
  }
  blocks.push({ kind: "text", text: L("noteFindings", lang), style: "note" });
  blocks.push(findingsBlock(report, lang));
  const sheet: SheetModel = { name: L("sheetAudit", lang), blocks };
  if (paired && report.largest.length > 0) {
    const at = blocks.length;
    blocks.push(largestBlock(report, lang));
    // The chart stands to the right of the largest-changes table, over the findings' wide
    // detail column (the table itself stops before it); it is the last block, so the chart
    // may run below it.
    const top = placeBlocks(sheet)[at].top;
    const chart: BarChartModel = {
      kind: "bar",
      title: L("chartTitle", lang),
      xTitle: L("group", lang),
      yTitle: L("relative", lang),
      categories: { blockIndex: at, columnId: "code" },
      series: [
        {
          name: L("relative", lang),
          values: { blockIndex: at, columnId: "relative" },
          color: BAR_UP,
          negativeColor: BAR_DOWN,
        },
      ],
      horizontal: true,
      valueType: "percent",
      anchor: { row: top, column: 8, width: 2, height: Math.max(16, report.largest.length + 5) },
    };
    sheet.barCharts = [chart];
  }
  return sheet;
}

/** The rows every source shares: where it came from, its header row, its columns, rows read. */
function originRows(
  s: GridOrigin,
  headerRow: CellValue,
  columns: string[],
  rowsRead: number,
  lang: Lang,
): [string, CellValue][] {
  const rows: [string, CellValue][] = [[label("source", lang), s.source]];
  if (s.sheet) rows.push([label("sheet", lang), s.sheet]);
  if (s.encoding) rows.push([label("encoding", lang), s.encoding]);
  rows.push(
    [label("headerRow", lang), headerRow],
    [L("columns", lang), columns.join(clauseSep(lang))],
    [label("rowsRead", lang), rowsRead],
  );
  return rows;
}

function skippedRows(skipped: [keyof typeof AUDIT_SKIP_LABELS, number][], lang: Lang): [string, CellValue][] {
  return skipped
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => [`${label("skipped", lang)}${colon(lang)}${AUDIT_SKIP_LABELS[reason][lang]}`, n]);
}

function tableSourceRows(s: AuditTableSource, lang: Lang): [string, CellValue][] {
  const cols = [`${L("codeColumn", lang)} = ${s.columns.code}`, `${L("weightColumn", lang)} = ${s.columns.weight}`];
  if (s.columns.name) cols.push(`${L("nameColumn", lang)} = ${s.columns.name}`);
  return [
    ...originRows(s, s.headerRow > 0 ? s.headerRow : L("noHeader", lang), cols, s.rowsRead, lang),
    [L("groupsRead", lang), s.groups],
    [L("rowsWithoutWeight", lang), s.rowsWithoutWeight],
    ...skippedRows(Object.entries(s.skipped) as [keyof typeof AUDIT_SKIP_LABELS, number][], lang),
  ];
}

function volumeSourceRows(report: AuditReport, s: AuditVolumeSource, lang: Lang): [string, CellValue][] {
  const cols = [
    `${L("groupColumn", lang)} = ${s.columns.group}`,
    `${L("casesColumn", lang)} = ${s.columns.cases ?? L("oneCaseARow", lang)}`,
  ];
  for (const d of AUDIT_UNIT_DIMENSIONS) if (s.columns[d]) cols.push(`${unitName(d, lang)} = ${s.columns[d]}`);
  const rows: [string, CellValue][] = [
    ...originRows(s, s.headerRow, cols, s.rowsRead, lang),
    [L("volumeCases", lang), report.result.checked.volumeCases ?? 0],
    ...skippedRows(
      [
        ["blankRows", s.skipped.blankRows],
        ["emptyGroup", s.skipped.emptyGroup],
        ["noCases", report.result.volumeSkipped?.noCases ?? 0],
      ],
      lang,
    ),
  ];
  for (const u of report.units) {
    if (u.emptyUnitRows > 0) {
      rows.push([
        `${label("skipped", lang)}${colon(lang)}${L("emptyUnit", lang, { unit: lower(unitName(u.dimension, lang), lang) })}`,
        u.emptyUnitRows,
      ]);
    }
  }
  return rows;
}

function parametersSheet(report: AuditReport, lang: Lang): SheetModel {
  const { base, adjusted, volume } = report.sources;
  const paired = adjusted !== undefined;
  const kv = (caption: string, rows: [string, CellValue][]): KeyValueBlock => ({ kind: "keyValue", caption, rows });
  const settings: [string, CellValue][] = [
    [L("largestChanges", lang), report.settings.largestChanges],
    [L("tolerance", lang), plainPercent(report.settings.neutralityTolerance)],
    [L("severityRule", lang), L("severityRuleText", lang)],
  ];
  const results: [string, CellValue][] = [
    [L("familiesChecked", lang), report.result.checked.families],
    ...FINDING_KINDS.map((k): [string, CellValue] => [
      L("findingsOfKind", lang, { kind: FINDING_LABELS[k][lang] }),
      report.counts[k],
    ]),
  ];
  const about: [string, CellValue][] = [
    [label("version", lang), report.context.version],
    [label("time", lang), report.context.time.toISOString()],
    [label("language", lang), lang],
  ];
  const blocks: SheetModel["blocks"] = [
    { kind: "text", text: L("parametersTitle", lang), style: "title" },
    kv(label("settings", lang), settings),
    kv(L(paired ? "base" : "table", lang), tableSourceRows(base, lang)),
  ];
  if (adjusted) blocks.push(kv(L("adjusted", lang), tableSourceRows(adjusted, lang)));
  if (volume) blocks.push(kv(L("volume", lang), volumeSourceRows(report, volume, lang)));
  blocks.push(kv(label("results", lang), results), kv(label("about", lang), about));
  return { name: L("sheetParameters", lang), blocks };
}

/** The workbook model of the audit: 权重审核 and 审核参数 (English names in English). */
export function auditWorkbook(report: AuditReport, lang: Lang): WorkbookModel {
  return { lang, sheets: [auditSheet(report, lang), parametersSheet(report, lang)] };
}

/** The sheet names of the audit in a language (for the conflict check before writing). */
export function auditSheetNames(lang: Lang): string[] {
  return [L("sheetAudit", lang), L("sheetParameters", lang)];
}
