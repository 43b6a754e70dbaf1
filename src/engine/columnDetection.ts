/**
 * Which source columns feed which canonical column (DOMAIN.md "Inputs" and "Real exports"):
 * the detection from a header row and the user's corrections of it.
 *
 * - Headers map to canonical columns with `detectColumns` (columns.ts); a header that does not
 *   match exactly is tried again without a unit in brackets (`住院总费用(元)`) and then by the
 *   longest known header word of four or more characters it contains (`医保统筹支付` names
 *   `insurancePaid` by `统筹支付`).
 * - Fee items and patient payments of the front page and the settlement list are read by
 *   `detectExportLayout` (exportLayouts.ts): drugs, materials, patient payment and the five
 *   categories may each be the sum of several columns. A column a header names directly
 *   (药品费, 耗材费, 医疗) is taken alone instead.
 * - `sources` lists, for every mapped column, the source columns added up into it (one for most);
 *   `columns` holds the first of them, so that "is it mapped" is `columns[c] !== undefined`.
 *
 *     detectCaseColumns(["DRG编码", "(13)西药费", "中成药费", "护理费"]).sources.drugCost  // [1, 2]
 */
import { ColumnName, detectColumns, HEADER_WORDS, headerKey, matchHeader } from "./columns";
import {
  bareHeader,
  detectExportLayout,
  ExportLayout,
  isSummed,
  RecognisedItem,
  SUMMED_COLUMNS,
} from "./exportLayouts";
import { CaseMixError, quoteCell } from "./text";

export type ColumnMapping = Partial<Record<ColumnName, number>>;

/** Canonical column -> the source columns (0-based) added up into it. */
export type ColumnSources = Partial<Record<ColumnName, number[]>>;

/**
 * A user's correction of the mapping: a 0-based column index, a header text, several of them
 * to add up (`["检查用一次性医用材料费", "治疗用一次性医用材料费"]`, or one text joined by `+`
 * when no header is that text), or null to drop the column.
 */
export type MappingOverride = Partial<Record<ColumnName, number | string | readonly (number | string)[] | null>>;

export interface ColumnDetection {
  /** Canonical column -> the first of its source columns. */
  columns: ColumnMapping;
  sources: ColumnSources;
  /** The export layout the fee items say, if any. */
  layout?: ExportLayout;
  /** Headers recognised as fee items (and "of which" items, which feed nothing). */
  items: RecognisedItem[];
}

/** Header words that are long enough to be found inside a longer header. */
const CONTAINED_WORDS: { key: string; column: ColumnName }[] = [];
for (const [column, words] of Object.entries(HEADER_WORDS) as [ColumnName, readonly string[]][]) {
  for (const word of words) {
    const key = headerKey(word);
    if (key.length >= 4) CONTAINED_WORDS.push({ key, column });
  }
}
CONTAINED_WORDS.sort((a, b) => b.key.length - a.key.length);

const UNIT_SUFFIX = /[(（[【][^()（）[\]【】]*[)）\]】]\s*$/;

/** The canonical column a header names after the fallbacks (bracketed unit, contained word). */
function looseMatch(header: unknown): ColumnName | undefined {
  if (typeof header !== "string") return undefined;
  const stripped = header.replace(UNIT_SUFFIX, "");
  if (stripped !== header) {
    const exact = matchHeader(stripped);
    if (exact) return exact;
  }
  const key = headerKey(stripped);
  for (const w of CONTAINED_WORDS) if (key.includes(w.key)) return w.column;
  return undefined;
}

/** Header words the generic match takes first (exact, then loose), fee items left out. */
function genericColumns(headers: readonly unknown[], feeHeaders: ReadonlySet<number>): ColumnMapping {
  const masked = headers.map((h, i) => (feeHeaders.has(i) ? "" : h));
  const { columns } = detectColumns(masked);
  masked.forEach((header, i) => {
    if (header === "" || matchHeader(header) !== undefined) return;
    const column = looseMatch(header) ?? matchHeader(bareHeader(header));
    if (column !== undefined && columns[column] === undefined) columns[column] = i;
  });
  return columns;
}

/**
 * Maps a header row to canonical columns; see the module comment.
 *
 *     detectCaseColumns(["病案号", "医保统筹支付", "住院总费用(元)"]).columns
 *     // { insurancePaid: 1, totalCost: 2 }
 */
export function detectCaseColumns(headers: readonly unknown[]): ColumnDetection {
  const fees = detectExportLayout(headers);
  const generic = genericColumns(headers, new Set(fees.items.map((f) => f.index)));
  // A settlement-list export whose only group column is 医保DRG编码 is grouped by it: it is a
  // second grouping (drgB) only beside another group column.
  if (generic.drg === undefined && generic.drgB !== undefined) {
    generic.drg = generic.drgB;
    delete generic.drgB;
  }
  const sources: ColumnSources = {};
  for (const [column, at] of Object.entries(generic) as [ColumnName, number][]) sources[column] = [at];
  for (const column of SUMMED_COLUMNS) {
    const parts = fees.sources[column];
    if (!parts || parts.length === 0) continue;
    // A direct header wins (药品费 over 西药费 + ...), except for the patient-payment rule.
    if (sources[column] === undefined || column === "selfPay") sources[column] = parts;
  }
  return { columns: firstOfSources(sources), sources, layout: fees.layout, items: fees.items };
}

export function firstOfSources(sources: ColumnSources): ColumnMapping {
  const columns: ColumnMapping = {};
  for (const [column, parts] of Object.entries(sources) as [ColumnName, number[]][]) columns[column] = parts[0];
  return columns;
}

function resolveOne(column: ColumnName, value: number | string, headers: readonly string[]): number {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0 && value < headers.length) return value;
    throw new CaseMixError("value", {
      en: `mapping ${column}: column ${value} is outside the table (it has ${headers.length} columns, numbered from 0)`,
      zh: `列映射 ${column}：第 ${value} 列超出表格范围（共 ${headers.length} 列，从 0 起编号）`,
    });
  }
  const key = headerKey(value);
  const at = headers.findIndex((h) => headerKey(h) === key);
  if (at >= 0) return at;
  throw new CaseMixError("value", {
    en: `mapping ${column}: no header is ${quoteCell(value)}; headers: ${headers.filter((h) => h).join(", ")}`,
    zh: `列映射 ${column}：没有名为 ${quoteCell(value)} 的表头；表头有：${headers.filter((h) => h).join("、")}`,
  });
}

/** Columns that hold numbers and so may be the sum of several source columns. */
const ADDABLE: ReadonlySet<ColumnName> = new Set<ColumnName>([
  "cases",
  "totalCost",
  "insurancePaid",
  "allocatedDirect",
  "allocatedAux",
  "allocatedAdmin",
]);

/** The source columns of one override: a list, a header, `A+B` (when no header is `A+B`), or an index. */
function resolveOverride(
  column: ColumnName,
  value: number | string | readonly (number | string)[],
  headers: readonly string[],
): number[] {
  let parts: readonly (number | string)[];
  if (Array.isArray(value)) parts = value;
  else if (typeof value === "string" && value.includes("+") && !headers.some((h) => headerKey(h) === headerKey(value)))
    parts = value.split("+").map((p) => p.trim());
  else parts = [value as number | string];
  if (parts.length > 1 && !isSummed(column) && !ADDABLE.has(column)) {
    throw new CaseMixError("value", {
      en: `mapping ${column}: a column of codes or names takes one header, not a sum (${parts.join(" + ")})`,
      zh: `列映射 ${column}：编码或名称列只能指定一个表头，不能相加（${parts.join(" + ")}）`,
    });
  }
  return parts.map((p) => resolveOne(column, p, headers));
}

/** The detection with the user's corrections applied (errors name the column and the header). */
export function applyOverrides(
  detected: ColumnDetection,
  overrides: MappingOverride | undefined,
  headers: readonly string[],
): ColumnSources {
  const sources: ColumnSources = { ...detected.sources };
  for (const [column, value] of Object.entries(overrides ?? {}) as [ColumnName, MappingOverride[ColumnName]][]) {
    if (value === undefined) continue;
    if (value === null) delete sources[column];
    else sources[column] = resolveOverride(column, value, headers);
  }
  return sources;
}
