/**
 * Where each number came from: the source columns that feed each canonical column of a case
 * table (several are added up: 西药费 + 中成药费 + 中草药费), as the reports record it and as
 * `--show-mapping` prints it, with the export layout, the "of which" items left out and the
 * headers not used.
 *
 *     sourceColumns(table).drugCost  // "(13)西药费 + 中成药费 + 中草药费"
 */
import type { CaseTable } from "../engine/caseTable";
import { COLUMN_TITLES, ColumnName } from "../engine/columns";
import type { ExportLayout } from "../engine/exportLayouts";
import { Lang, Text } from "../engine/text";
import type { CellValue } from "./model";

type Sourced = Pick<CaseTable, "sources" | "headers" | "headerRowNumber" | "layout" | "feeItems">;

const LAYOUT_NAMES: Record<ExportLayout, Text> = {
  frontPage: { en: "inpatient front page (病案首页)", zh: "病案首页" },
  settlement: { en: "insurance settlement list (医保结算清单)", zh: "医保结算清单" },
};

/** The header of a source column, or its position when the header is blank. */
function headerOf(table: Pick<CaseTable, "headers">, at: number): string {
  return table.headers[at] || `#${at + 1}`;
}

/** Canonical column -> its source headers, joined by " + " when added up. */
export function sourceColumns(table: Pick<CaseTable, "sources" | "headers">): Partial<Record<ColumnName, string>> {
  const out: Partial<Record<ColumnName, string>> = {};
  for (const [column, parts] of Object.entries(table.sources) as [ColumnName, number[]][])
    out[column] = parts.map((at) => headerOf(table, at)).join(" + ");
  return out;
}

/** A canonical column as a user reads it: its name and the key `--map` takes. */
export function columnTitle(column: ColumnName, lang: Lang): string {
  return `${COLUMN_TITLES[column][lang]} (${column})`;
}

/** The mapping as text, one line a column (module comment); ends with how to change it. */
export function mappingText(table: Sourced, lang: Lang): string {
  const zh = lang === "zh";
  const sep = zh ? "、" : ", ";
  const lines: string[] = [];
  const layout = table.layout
    ? LAYOUT_NAMES[table.layout][lang]
    : zh
      ? "未识别（通用表头）"
      : "not recognised (generic headers)";
  lines.push(
    zh
      ? `列映射（表头在第 ${table.headerRowNumber} 行；版式：${layout}）`
      : `Column mapping (header on row ${table.headerRowNumber}; layout: ${layout})`,
  );
  const sources = sourceColumns(table);
  for (const column of Object.keys(COLUMN_TITLES) as ColumnName[]) {
    const from = sources[column];
    if (from !== undefined) lines.push(`  ${columnTitle(column, lang)} ← ${from}`);
  }
  const ofWhich = table.feeItems.filter((f) => f.parent !== undefined);
  if (ofWhich.length > 0) {
    const list = ofWhich
      .map((f) => `${headerOf(table, f.index)}${f.parent ? (zh ? `（属 ${f.parent}）` : ` (in ${f.parent})`) : ""}`)
      .join(sep);
    lines.push(
      zh
        ? `“其中”项，已含在上级费用中，不再相加：${list}`
        : `"Of which" items, already inside their parent, not added: ${list}`,
    );
  }
  const used = new Set<number>(Object.values(table.sources).flat());
  for (const f of ofWhich) used.add(f.index);
  const unused = table.headers.map((h, i) => (used.has(i) || h === "" ? "" : h)).filter((h) => h !== "");
  if (unused.length > 0) lines.push(zh ? `未使用的表头：${unused.join(sep)}` : `Headers not used: ${unused.join(sep)}`);
  lines.push(
    zh
      ? "修改：--map 列名=表头（或 #列号）；相加：--map materialCost=检查用一次性医用材料费+治疗用一次性医用材料费；去掉：--map 列名="
      : "Change it: --map column=header (or #N for the N-th column); a sum: --map materialCost=检查用一次性医用材料费+治疗用一次性医用材料费; none: --map column=",
  );
  return lines.join("\n") + "\n";
}

/**
 * The rows of a parameters sheet's mapping block: each column by its title and its source
 * headers, then, when some rows' five categories miss their total, how many and which.
 */
export function columnMappingRows(
  columns: Partial<Record<ColumnName, string>>,
  lang: Lang,
  flagged?: Pick<CaseTable["flagged"], "categoryMismatch" | "categoryMismatchRows">,
): [string, CellValue][] {
  const rows: [string, CellValue][] = (Object.entries(columns) as [ColumnName, string][]).map(([c, from]) => [
    columnTitle(c, lang),
    from,
  ]);
  if (flagged && flagged.categoryMismatch > 0) {
    const first = flagged.categoryMismatchRows.join(lang === "zh" ? "、" : ", ");
    rows.push([
      lang === "zh" ? "五类费用之和与总费用不符的行（已保留）" : "Rows whose five categories miss the total (kept)",
      lang === "zh"
        ? `${flagged.categoryMismatch} 行（如第 ${first} 行）`
        : `${flagged.categoryMismatch} (e.g. rows ${first})`,
    ]);
  }
  return rows;
}
