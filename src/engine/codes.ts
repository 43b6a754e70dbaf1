/**
 * Group codes (DRG, DIP, ADRG) and other keys: normalization and interning.
 *
 * Codes are compared after trimming spaces and upper-casing, with full-width letters and
 * digits folded to ASCII (`ｇｂ１１ ` and `GB11` are one group). Characters that cannot be
 * seen are dropped (`GB11\u0000` from a C string, a zero-width space pasted from a web page,
 * a byte-order mark: all `GB11`), so that no two groups look the same in a spill; tabs and line
 * breaks count as spaces. Keys (departments, doctors) are cleaned the same way. Interning maps each
 * distinct code to a small integer once, so the hot loops of every indicator work on
 * `Int32Array`s instead of strings.
 *
 *     internCodes(["GB11", " gb11", "ES21", null]).ids  // Int32Array [0, 0, 1, -1]
 */
import { basicCellValue, isDataTypeCell } from "./cellValue";

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
 * C0 and C1 control characters (NUL, tab, line breaks, ESC...), DEL, zero-width spaces and
 * joiners, the word joiner and the byte-order mark: nothing a user can see in a cell.
 */
// Control characters are exactly what these two patterns look for.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/;
// eslint-disable-next-line no-control-regex
const INVISIBLE_ALL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;
const WHITESPACE_CONTROL = /[\t\n\v\f\r]/g;

/** Drops invisible characters; tabs and line breaks become spaces (trimmed by the caller). */
function dropInvisible(s: string): string {
  if (!INVISIBLE.test(s)) return s;
  return s.replace(WHITESPACE_CONTROL, " ").replace(INVISIBLE_ALL, "");
}

/**
 * The canonical form of a code cell, or "" when the cell is empty. Excel hands an empty
 * cell over as null, "" or 0, so the number 0 counts as empty too.
 */
export function normalizeCode(value: unknown): string {
  if (value === null || value === undefined || value === 0 || value === false) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value !== "string") {
    if (isDataTypeCell(value)) return normalizeCode(basicCellValue(value));
    return value instanceof Error ? "" : String(value).trim().toUpperCase();
  }
  return dropInvisible(foldFullWidth(value)).trim().toUpperCase();
}

/**
 * The canonical form of a label key (department, doctor, hospital, year): trimmed, with
 * full-width characters folded, but case kept because it is shown back to the user.
 */
export function normalizeKey(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value !== "string")
    return isDataTypeCell(value) ? normalizeKey(basicCellValue(value)) : String(value).trim();
  return dropInvisible(foldFullWidth(value)).trim();
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
 *
 * Calls that pass the same column again (DRG_WEIGHT, CMI and COST_INDEX over one sheet each
 * receive their own copy of the group column) reuse the previous interning: a column of at
 * least `INTERN_CACHE_MIN_ROWS` rows is remembered as its distinct raw cells plus one index
 * per row, and a later column of the same length and normalizer is matched against it cell by
 * cell (a sample of cells first, then every cell with `===`). Only an exact match of every
 * raw cell reuses the ids, so the result is always the one a fresh interning gives; comparing
 * cells costs a fraction of hashing them.
 */
export function internCodes(
  values: ArrayLike<unknown>,
  normalize: (value: unknown) => string = normalizeCode,
): Interned {
  return intern(values, 0, false, normalize);
}

/**
 * `internCodes` of a one-column range as Excel passes it (`any[][]`, each row an array whose
 * first element is the cell; a row that is not an array is the cell itself), from row
 * `start` on (1 skips a header row), without first copying the cells into a flat list.
 *
 *     internColumn([["DRG"], ["GB11"], ["gb11"]], 1).ids  // Int32Array [0, 0]
 */
export function internColumn(
  range: ArrayLike<unknown>,
  start = 0,
  normalize: (value: unknown) => string = normalizeCode,
): Interned {
  return intern(range, start, true, normalize);
}

/**
 * The distinct raw cells behind an interning made by `internCodes` or `internColumn`, in order
 * of first appearance: checks that concern cell values (error values, say) can look at each
 * distinct value once instead of at every row.
 */
export function distinctCells(interned: Interned): readonly unknown[] | undefined {
  return rawCellsOf.get(interned);
}

const rawCellsOf = new WeakMap<Interned, readonly unknown[]>();

/**
 * The state of one interning: distinct raw cells in order of first appearance, the id of
 * each (-1 for an empty cell), and the distinct codes. A class, so that its shape is the same
 * in every call and the hot loops below stay optimized from one call to the next.
 */
class Interning {
  /**
   * Distinct raw cells: text in a prototype-free object (a property lookup of a string is about
   * twice as fast as Map.get in V8, and an Excel range is mostly text), anything else in a Map,
   * so that the number 11 and the text "11" stay two raw cells.
   */
  readonly byText: Record<string, number> = Object.create(null);
  readonly byRaw = new Map<unknown, number>();
  readonly byCode = new Map<string, number>();
  readonly distinct: unknown[] = [];
  readonly idOfRaw: number[] = [];
  readonly codes: string[] = [];
  constructor(readonly normalize: (value: unknown) => string) {}

  /** See `addDistinct`. */
  static keepAlive: Interning | undefined;

  /** Adds a raw cell seen for the first time; returns its index in `distinct`. */
  add(raw: unknown): number {
    const code = this.normalize(raw);
    let id = -1;
    if (code !== "") {
      const seen = this.byCode.get(code);
      if (seen === undefined) {
        id = this.codes.length;
        this.codes.push(code);
        this.byCode.set(code, id);
      } else id = seen;
    }
    const r = this.distinct.length;
    this.distinct.push(raw);
    this.idOfRaw.push(id);
    if (typeof raw === "string") this.byText[raw] = r;
    else this.byRaw.set(raw, r);
    return r;
  }
}

// The hot loops, one per way of reading cells (a flat list, or the rows of a range). They take
// only arrays, typed arrays and Maps, whose hidden classes live as long as the engine: V8
// embeds the hidden classes a loop touches into its optimized code and drops the code when one
// of them is collected, so loops that touched per-call objects would start unoptimized in
// every call. Each fills `ids` and `rawIndex` (the raw cell of each row) and returns the
// empty rows.

function scanFlat(
  values: ArrayLike<unknown>,
  ids: Int32Array,
  rawIndex: Int32Array,
  byText: Record<string, number>,
  byRaw: Map<unknown, number>,
  idOfRaw: number[],
  it: Interning,
): number {
  let empty = 0;
  for (let i = 0; i < ids.length; i++) {
    const raw = values[i];
    let r = typeof raw === "string" ? byText[raw] : byRaw.get(raw);
    if (r === undefined) r = addDistinct(it, raw);
    const id = idOfRaw[r];
    ids[i] = id;
    rawIndex[i] = r;
    if (id < 0) empty++;
  }
  return empty;
}

function scanRange(
  values: ArrayLike<unknown>,
  start: number,
  ids: Int32Array,
  rawIndex: Int32Array,
  byText: Record<string, number>,
  byRaw: Map<unknown, number>,
  idOfRaw: number[],
  it: Interning,
): number {
  let empty = 0;
  for (let i = 0; i < ids.length; i++) {
    const row = values[i + start];
    const raw = Array.isArray(row) ? row[0] : row;
    let r = typeof raw === "string" ? byText[raw] : byRaw.get(raw);
    if (r === undefined) r = addDistinct(it, raw);
    const id = idOfRaw[r];
    ids[i] = id;
    rawIndex[i] = r;
    if (id < 0) empty++;
  }
  return empty;
}

function addDistinct(it: Interning, raw: unknown): number {
  return it.add(raw);
}

// `addDistinct` is inlined into the loops, and with it the hidden class of `Interning`; one
// instance kept for the life of the module keeps that class, and so the loops' optimized
// code, alive between calls.
Interning.keepAlive = new Interning(normalizeCode);

/** Rows matched against a remembered column: true when every cell is === its remembered cell. */
function matchFlat(
  values: ArrayLike<unknown>,
  distinct: unknown[],
  rawIndex: Int32Array,
  idOfRaw: Int32Array,
  ids: Int32Array,
): boolean {
  for (let i = 0; i < ids.length; i++) {
    const r = rawIndex[i];
    if (values[i] !== distinct[r]) return false;
    ids[i] = idOfRaw[r];
  }
  return true;
}

function matchRange(
  values: ArrayLike<unknown>,
  start: number,
  distinct: unknown[],
  rawIndex: Int32Array,
  idOfRaw: Int32Array,
  ids: Int32Array,
): boolean {
  for (let i = 0; i < ids.length; i++) {
    const r = rawIndex[i];
    const row = values[i + start];
    if ((Array.isArray(row) ? row[0] : row) !== distinct[r]) return false;
    ids[i] = idOfRaw[r];
  }
  return true;
}

function cellAt(values: ArrayLike<unknown>, i: number, nested: boolean): unknown {
  const v = values[i];
  return nested && Array.isArray(v) ? v[0] : v;
}

function intern(
  values: ArrayLike<unknown>,
  start: number,
  nested: boolean,
  normalize: (value: unknown) => string,
): Interned {
  const n = Math.max(0, values.length - start);
  const remember = n >= INTERN_CACHE_MIN_ROWS;
  if (remember) {
    const hit = cachedInterning(values, start, nested, normalize, n);
    if (hit !== undefined) return hit;
  }
  const it = new Interning(normalize);
  const ids = new Int32Array(n);
  const rawIndex = new Int32Array(n);
  const empty = nested
    ? scanRange(values, start, ids, rawIndex, it.byText, it.byRaw, it.idOfRaw, it)
    : scanFlat(values, ids, rawIndex, it.byText, it.byRaw, it.idOfRaw, it);
  if (remember) rememberColumn(it, rawIndex, empty);
  const out: Interned = { ids, codes: it.codes, empty };
  rawCellsOf.set(out, it.distinct);
  return out;
}

/** Columns shorter than this are interned afresh every time (it is cheap) and not remembered. */
export const INTERN_CACHE_MIN_ROWS = 4096;
/** Columns with more distinct raw cells than this (case ids, free text) are not remembered. */
const INTERN_CACHE_MAX_DISTINCT = 1 << 16;
/** How many columns are remembered (groups, departments, doctors, years...), most recent first. */
const INTERN_CACHE_SIZE = 4;
/** Cells compared before the full comparison, spread evenly over the column. */
const SAMPLE_CELLS = 64;

class RememberedColumn {
  constructor(
    readonly normalize: (value: unknown) => string,
    /** Distinct raw cells (primitives only) in order of first appearance. */
    readonly distinct: unknown[],
    /** The id of each distinct raw cell. */
    readonly idOfRaw: Int32Array,
    /** Per row: the index of its raw cell in `distinct`. */
    readonly rawIndex: Int32Array,
    readonly codes: string[],
    readonly empty: number,
  ) {}
}

let remembered: RememberedColumn[] = [];

/**
 * Forgets every remembered column (the benchmark calls it so that each repetition starts
 * cold; nothing else needs to, since a remembered column is only reused on an exact match).
 */
export function clearInternCache(): void {
  remembered = [];
}

function rememberColumn(it: Interning, rawIndex: Int32Array, empty: number): void {
  const distinct = it.distinct;
  if (distinct.length > INTERN_CACHE_MAX_DISTINCT) return;
  // Objects (error values) compare by identity and could change after the call: only
  // primitives, whose === equality implies equal normalized codes, are remembered.
  for (let r = 0; r < distinct.length; r++) {
    const v = distinct[r];
    if (v !== null && (typeof v === "object" || typeof v === "function")) return;
  }
  remembered.unshift(
    new RememberedColumn(
      it.normalize,
      distinct.slice(),
      Int32Array.from(it.idOfRaw),
      rawIndex,
      it.codes.slice(),
      empty,
    ),
  );
  if (remembered.length > INTERN_CACHE_SIZE) remembered.length = INTERN_CACHE_SIZE;
}

/** The interning of a remembered column whose every raw cell equals (===) those of `values`. */
function cachedInterning(
  values: ArrayLike<unknown>,
  start: number,
  nested: boolean,
  normalize: (value: unknown) => string,
  n: number,
): Interned | undefined {
  for (let e = 0; e < remembered.length; e++) {
    const col = remembered[e];
    if (col.rawIndex.length !== n || col.normalize !== normalize) continue;
    let sampled = true;
    for (let k = 0; k < SAMPLE_CELLS && sampled; k++) {
      const i = Math.floor((k * (n - 1)) / (SAMPLE_CELLS - 1));
      sampled = cellAt(values, i + start, nested) === col.distinct[col.rawIndex[i]];
    }
    if (!sampled) continue;
    const ids = new Int32Array(n);
    const matched = nested
      ? matchRange(values, start, col.distinct, col.rawIndex, col.idOfRaw, ids)
      : matchFlat(values, col.distinct, col.rawIndex, col.idOfRaw, ids);
    if (!matched) continue;
    if (e > 0) {
      remembered.splice(e, 1);
      remembered.unshift(col);
    }
    const out: Interned = { ids, codes: col.codes.slice(), empty: col.empty };
    rawCellsOf.set(out, col.distinct.slice());
    return out;
  }
  return undefined;
}

/**
 * `internCodes` of a column held as its distinct cells (in order of first appearance) and the
 * index of each row's cell, as a reader that interned while reading has it: each distinct cell
 * is normalized once and the rows are mapped through a typed array, with the result
 * `internCodes` gives for the column `distinct[rawIndex[i]]`.
 *
 *     internIndexed({ rawIndex: Int32Array.of(0, 1, 0, 2), distinct: ["GB11", " gb11", ""] })
 *     // ids Int32Array [0, 0, 0, -1], codes ["GB11"], empty 1
 */
export function internIndexed(
  cells: { rawIndex: Int32Array; distinct: readonly unknown[] },
  normalize: (value: unknown) => string = normalizeCode,
): Interned {
  const it = new Interning(normalize);
  for (const raw of cells.distinct) it.add(raw);
  const ids = new Int32Array(cells.rawIndex.length);
  const empty = remapIds(cells.rawIndex, Int32Array.from(it.idOfRaw), ids);
  const out: Interned = { ids, codes: it.codes, empty };
  rawCellsOf.set(out, it.distinct);
  return out;
}

/** ids[i] = idOfRaw[rawIndex[i]]; returns how many are -1 (empty). */
function remapIds(rawIndex: Int32Array, idOfRaw: Int32Array, ids: Int32Array): number {
  let empty = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = idOfRaw[rawIndex[i]];
    ids[i] = id;
    if (id < 0) empty++;
  }
  return empty;
}

/** ADRG of a CHS-DRG code: its first three characters. */
export function adrgOf(code: string): string {
  return code.slice(0, 3);
}

/** Compares codes the way the sorted outputs list them (ordinal, so `GB11` < `GB13` < `GB15`). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
