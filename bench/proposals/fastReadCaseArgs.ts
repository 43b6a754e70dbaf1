/**
 * PROPOSAL for src/functions/inputs.ts (owned by the lead), measured by `npm run bench`:
 * `readCaseArgs` reading one-column ranges directly, with the same results and the same
 * errors in the same order as today's version.
 *
 * Today each argument is copied three times before the engine sees it: `asMatrix` (a new
 * outer array), `column` (a flat list) and `alignRows` (`slice(1)` for the header row); a
 * numeric column with a text header becomes a generic array, so every cost is boxed into a
 * heap number (1M allocations a column). Then the code columns are scanned for error values
 * and every row is checked for padding. Here:
 * - codes are interned straight from the range (`internColumn`, which also reuses an earlier
 *   interning of an identical column), error values are looked for among the distinct cells
 *   (`distinctCells`) and only when one is found is the column scanned for its first row;
 * - numbers are read straight into a Float64Array; any cell that is not a plain non-negative
 *   finite number goes through `readNumberColumn`, so messages are unchanged;
 * - padding rows are looked for only among the rows whose group id is -1.
 * Any other shape (several columns, a single row, `multi` numeric arguments) takes the
 * existing path.
 *
 * `install()` swaps it in for the benchmark (BENCH_PROPOSAL=1); the adapters call
 * `inputs.readCaseArgs` through the module object, so they pick it up.
 */
import { distinctCells, internColumn, normalizeKey } from "../../src/engine/codes";
import { matchHeader } from "../../src/engine/columns";
import * as input from "../../src/engine/input";
import { isOmitted } from "../../src/functions/args";
import * as inputs from "../../src/functions/inputs";

const original = inputs.readCaseArgs;

/** A plain one-column range: an array whose first row is an array of one cell. */
function isColumnRange(arg: unknown): arg is unknown[] {
  return Array.isArray(arg) && arg.length > 0 && Array.isArray(arg[0]) && (arg[0] as unknown[]).length === 1;
}

function cell(range: unknown[], i: number): unknown {
  const row = range[i];
  return Array.isArray(row) ? row[0] : row;
}

function readNumbers(range: unknown[], start: number, argName: string, firstRow: number, allowNegative: boolean): Float64Array {
  const n = range.length - start;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = range[i + start];
    const raw = Array.isArray(row) ? row[0] : row;
    if (typeof raw === "number" && raw - raw === 0 && (raw >= 0 || allowNegative)) out[i] = raw;
    else out[i] = input.readNumberColumn([raw], argName, { firstRow: i + firstRow, allowNegative })[0];
  }
  return out;
}

type ErrorCheck = (cells: readonly unknown[], argName: string, firstRow: number) => void;
const checkNoErrorValues = (inputs as unknown as { checkNoErrorValues?: ErrorCheck }).checkNoErrorValues;
const isErrorValue = (input as unknown as { isErrorValue?: (v: unknown) => boolean }).isErrorValue;

function suspect(v: unknown): boolean {
  if (!isErrorValue) return false;
  return (typeof v === "object" ? v !== null : typeof v === "string" && v.indexOf("#") >= 0) && isErrorValue(v);
}

export function fastReadCaseArgs(args: inputs.CaseArgs): inputs.CaseColumns {
  const groupsName = args.groupsName ?? "groups";
  const hasBy = !isOmitted(args.by);
  const hasCounts = !isOmitted(args.counts);
  const numeric = args.numeric ?? [];
  const ranges: unknown[] = [args.groups, ...(hasBy ? [args.by] : []), ...numeric.map((s) => s.arg), ...(hasCounts ? [args.counts] : [])];
  if (numeric.some((s) => s.multi) || !ranges.every(isColumnRange)) return original(args);
  const names = [groupsName, ...(hasBy ? ["by"] : []), ...numeric.map((s) => s.name), ...(hasCounts ? ["counts"] : [])];
  const cols = ranges as unknown[][];
  // alignRows: sizes, then the header row.
  for (let j = 1; j < cols.length; j++) {
    input.checkSameLength({ name: names[0], length: cols[0].length }, { name: names[j], length: cols[j].length });
  }
  const codeCount = hasBy ? 2 : 1;
  const numericRanges = cols.slice(codeCount);
  const header =
    numericRanges.length > 0
      ? numericRanges.every((c) => input.isTextCell(cell(c, 0)))
      : matchHeader(cell(cols[0], 0)) !== undefined;
  const start = header ? 1 : 0;
  const firstRow = header ? 2 : 1;
  // Codes, with the error-value check on distinct cells.
  const interned = [internColumn(cols[0], start)];
  if (hasBy) interned.push(internColumn(cols[1], start, normalizeKey));
  interned.forEach((it, j) => {
    const raws = distinctCells(it) ?? [];
    if (checkNoErrorValues && raws.some(suspect)) {
      const flat: unknown[] = [];
      for (let i = start; i < cols[j].length; i++) flat.push(cell(cols[j], i));
      checkNoErrorValues(flat, names[j], firstRow);
    }
  });
  const groups = interned[0];
  const n = groups.ids.length;
  // Padding rows: blank in every argument; their group cell is blank, so their id is -1.
  let paddingRows = 0;
  if (groups.empty > 0) {
    for (let i = 0; i < n; i++) {
      if (groups.ids[i] >= 0 || !input.isBlankCell(cell(cols[0], i + start))) continue;
      let blank = true;
      for (let j = 1; j < cols.length; j++) {
        const v = cell(cols[j], i + start);
        if (!(input.isBlankCell(v) || v === 0)) {
          blank = false;
          break;
        }
      }
      if (blank) paddingRows++;
    }
  }
  const numbers = numeric.map((spec, k) => [readNumbers(cols[codeCount + k], start, spec.name, firstRow, spec.allowNegative ?? false)]);
  const counts = hasCounts ? readNumbers(cols[cols.length - 1], start, "counts", firstRow, false) : undefined;
  return { groups, by: hasBy ? interned[1] : undefined, counts, numbers, firstRow, paddingRows };
}

export function install(): void {
  (inputs as { readCaseArgs: typeof original }).readCaseArgs = fastReadCaseArgs;
}
