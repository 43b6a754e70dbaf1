/**
 * Group codes (DRG, DIP, ADRG) and other keys: normalization and interning.
 *
 * Codes are compared after trimming spaces and upper-casing, with full-width letters and
 * digits folded to ASCII (`ｇｂ１１ ` and `GB11` are one group). Interning maps each
 * distinct code to a small integer once, so the hot loops of every indicator work on
 * `Int32Array`s instead of strings.
 *
 *     internCodes(["GB11", " gb11", "ES21", null]).ids  // Int32Array [0, 0, 1, -1]
 */

/** Full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E; U+3000 is a full-width space. */
function foldFullWidth(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

/**
 * The canonical form of a code cell, or "" when the cell is empty. Excel hands an empty
 * cell over as null, "" or 0, so the number 0 counts as empty too.
 */
export function normalizeCode(value: unknown): string {
  if (value === null || value === undefined || value === 0 || value === false) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value !== "string") return value instanceof Error ? "" : String(value).trim().toUpperCase();
  return foldFullWidth(value).trim().toUpperCase();
}

/**
 * The canonical form of a label key (department, doctor, hospital, year): trimmed, with
 * full-width characters folded, but case kept because it is shown back to the user.
 */
export function normalizeKey(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value !== "string") return String(value).trim();
  return foldFullWidth(value).trim();
}

export interface Interned {
  /** Per row: the index of its code in `codes`, or -1 for an empty cell. */
  ids: Int32Array;
  /** The distinct codes in order of first appearance. */
  codes: string[];
  /** How many rows had an empty cell. */
  empty: number;
}

/**
 * Interns a column of cells. Raw cell values are looked up first, so each distinct
 * spelling is normalized only once however many rows repeat it.
 */
export function internCodes(
  values: ArrayLike<unknown>,
  normalize: (value: unknown) => string = normalizeCode,
): Interned {
  const n = values.length;
  const ids = new Int32Array(n);
  const codes: string[] = [];
  const byCode = new Map<string, number>();
  const byRaw = new Map<unknown, number>();
  let empty = 0;
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    let id = byRaw.get(raw);
    if (id === undefined) {
      const code = normalize(raw);
      if (code === "") id = -1;
      else {
        id = byCode.get(code);
        if (id === undefined) {
          id = codes.length;
          codes.push(code);
          byCode.set(code, id);
        }
      }
      byRaw.set(raw, id);
    }
    ids[i] = id;
    if (id < 0) empty++;
  }
  return { ids, codes, empty };
}

/** ADRG of a CHS-DRG code: its first three characters. */
export function adrgOf(code: string): string {
  return code.slice(0, 3);
}

/** Compares codes the way the sorted outputs list them (ordinal, so `GB11` < `GB13` < `GB15`). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
