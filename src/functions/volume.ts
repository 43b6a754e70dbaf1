/**
 * How a one-column `volume` of the weight-audit functions is read against the weight table,
 * and the check that a volume counts some case of the table (issue 16: a column of counts
 * read as group codes gave totals of 0, then #DIV/0!, without a word).
 *
 * `known` is the set of the table's group codes (normalized).
 */
import { internCodes, normalizeCode } from "../engine/codes";
import { cellNumber, isBlankCell, isTextCell, readNumberColumn } from "../engine/input";
import { CaseMixError } from "../engine/text";
import { VolumeInput } from "../engine/weightAudit/volume";

/** A one-column volume of numbers that are not all group codes of the table: the cases of each row of the table. */
export function countsPerRow(
  cells: unknown[],
  tableCodes: ArrayLike<unknown>,
  known: Set<string>,
): VolumeInput | undefined {
  const header = isTextCell(cells[0]);
  const data = header ? cells.slice(1) : cells;
  let numbers = 0;
  let allCodes = true;
  for (const cell of data) {
    if (isBlankCell(cell)) continue;
    const n = cellNumber(cell);
    if (n === undefined || Number.isNaN(n)) return undefined; // text: group codes
    numbers++;
    if (!known.has(normalizeCode(cell))) allCodes = false;
  }
  if (numbers === 0 || allCodes) return undefined;
  const rows = tableCodes.length;
  if (data.length !== rows) {
    throw new CaseMixError("value", {
      en: `volume: a column of numbers is read as the cases of each row of groups, but it has ${data.length} rows and groups has ${rows}; give it on the same rows as groups, or give the group of each case (one column) or group code and case count (two columns)`,
      zh: `volume：一列数字按 groups 每行的病例数读取，但它有 ${data.length} 行，而 groups 有 ${rows} 行；请与 groups 同行提供，或提供每个病例的病组编码（一列），或病组编码和病例数（两列）`,
    });
  }
  return {
    groups: internCodes(tableCodes),
    counts: readNumberColumn(data, "volume", { firstRow: header ? 2 : 1 }),
  };
}

/** A volume none of whose cases is in a group of the table reads as nothing: say so instead of totals of 0. */
export function checkVolumeMatches(volume: VolumeInput, known: Set<string>): void {
  const { groups, counts } = volume;
  const withCases = new Set<number>();
  for (let i = 0; i < groups.ids.length; i++) {
    const g = groups.ids[i];
    if (g >= 0 && (!counts || counts[i] > 0)) withCases.add(g);
  }
  for (const g of withCases) if (known.has(groups.codes[g])) return;
  const first = groups.codes[withCases.values().next().value ?? -1];
  throw new CaseMixError("value", {
    en:
      withCases.size === 0
        ? "volume has no cases: every row is blank or has a count of 0"
        : `volume: none of its ${withCases.size} group codes (such as ${first}) is in groups, so no case would count; give the group of each case, or the cases of each row of groups on the same rows`,
    zh:
      withCases.size === 0
        ? "volume 中没有病例：所有行都为空或病例数为 0"
        : `volume：其 ${withCases.size} 个病组编码（如 ${first}）都不在 groups 中，没有病例可计；请提供每个病例的病组编码，或与 groups 同行的每行病例数`,
  });
}
