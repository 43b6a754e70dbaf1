/**
 * Streaming CSV reader for the command line: the file is read in fixed-size chunks, decoded
 * chunk by chunk (TextDecoder with `stream: true`) and parsed straight into typed columns, so
 * that memory holds the columns and their dictionaries, never the file's text nor a string per
 * row and field.
 *
 * - Encoding: a byte-order mark; else decided once for the whole file from its bytes before it is
 *   parsed (encoding.ts: UTF-8 when every byte is valid UTF-8, else GB18030, with errors for a
 *   cut or damaged UTF-8 file), so that every part read on a worker thread reads it alike.
 * - A quoted field never closed is an error naming its line (not the rest of the file as one cell).
 * - Parsing as `CsvGrid` (RFC 4180 with the same edge rules), the delimiter from the first line.
 * - Storage: the first HEAD_ROWS rows (titles and the header) as strings; below them each
 *   column is numeric (a Float64Array, with each cell's sign and decimals so its text comes back
 *   exactly) while every cell is a plain decimal that prints back as written, and turns into
 *   interned text (Int32Array ids + dictionary) at its first other cell.
 * - Large files (8 MiB and up) are parsed in parts at once, one per core (at most 4), on worker
 *   threads (`parseParallel`), with the grid of one sequential pass as the result.
 *
 *     readCsvStream("cases.csv").grid.numbers(8, 1, false)  // Float64Array of 住院总费用
 */
import * as fs from "fs";
import * as os from "os";
import { join } from "path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "worker_threads";
import type { Grid, IndexedCells } from "../engine/caseTable";
import { CaseMixError, Text } from "../engine/text";
import { decideEncoding, lineAt } from "./encoding";
import type { Encoding } from "./encoding";

/** Rows kept as strings at the top (the header row is searched among the first 30). */
const HEAD_ROWS = 32;

/** A field's written form that is not a plain decimal stored as a number (see StreamCsvGrid.record). */
const NOT_PLAIN = 255;

/** Rows read before the columns are given room for the rest of the file (see `sizeColumns`). */
const SAMPLE_ROWS = 1024;

const POW10 = Array.from({ length: 23 }, (_, k) => Math.pow(10, k));

/**
 * Which columns a reader keeps below the head rows: their 0-based indices, or a function that
 * chooses them from the head rows (the header is among them), undefined for all.
 */
export type KeepColumns = readonly number[] | ChooseColumns;

/** Chooses the columns to keep from the head rows (their cells as text). */
export type ChooseColumns = (head: readonly (readonly string[])[]) => readonly number[] | undefined;

/** The choice of columns to keep; every column when it fails (the reader of the table then says why). */
function chosen(choose: ChooseColumns, head: readonly (readonly string[])[]): readonly number[] | undefined {
  try {
    return choose(head);
  } catch {
    return undefined;
  }
}

/** A field with nothing but spaces, tabs and quotes in it (a left-out field taken as blank). */
function blankBytes(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 34) return false;
  }
  return true;
}

/** A copy of a Uint16Array with room for at least `n` (doubling). */
function grownWidths(a: Uint16Array, n: number): Uint16Array {
  const out = new Uint16Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

/** A copy of a Uint8Array with room for at least `n` (doubling). */
function grown(a: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

/**
 * The delimiter, from the first line of b[0, n): a tab when it has more tabs than commas, else
 * a comma; undefined while the line is not complete (and more bytes are to come).
 */
function delimiterOf(b: Uint8Array, n: number, final: boolean): string | undefined {
  let k = 0;
  while (k < n && b[k] !== 10 && b[k] !== 13) k++;
  if (k === n && !final) return undefined;
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < k; i++) {
    if (b[i] === 9) tabs++;
    else if (b[i] === 44) commas++;
  }
  return tabs > commas ? "\t" : ",";
}

/**
 * Refuses a file separated by semicolons (Excel's CSV where the decimal mark is a comma): none
 * of its first 32 lines has a comma or a tab, and one has a semicolon. Read as commas, each line
 * would be one cell and the header never found.
 */
export function checkDelimiter(path: string, head: Uint8Array): void {
  let semicolons = 0;
  let lines = 0;
  for (let i = 0; i < head.length && lines < HEAD_ROWS; i++) {
    const c = head[i];
    if (c === 44 || c === 9) return;
    if (c === 59) semicolons++;
    else if (c === 10) lines++;
  }
  if (semicolons > 0)
    throw new CaseMixError("value", {
      en: `${path}: its columns are separated by semicolons (;), not commas or tabs; save it again as CSV with commas (or as .xlsx)`,
      zh: `${path}：各列以分号（;）分隔，而不是逗号或制表符；请重新另存为以逗号分隔的 CSV（或 .xlsx）`,
    });
}

/** The cells of one column of a part of a file, as a worker hands them over (see `parseParallel`). */
export interface ColumnPart {
  length: number;
  /** A numeric column: the numbers (NaN blank) and their written form (StreamColumn.fmt). */
  nums?: Float64Array;
  fmt?: Uint8Array;
  /** A text column: the id of each cell in `values`, distinct in order of first appearance. */
  ids?: Int32Array;
  values?: string[];
}

/** The written form of a stored number (see StreamColumn.fmt). */
function numberText(v: number, f: number): string {
  if (f === 0) return "";
  const t = Math.abs(v).toFixed((f & 127) - 1);
  return f & 128 ? "-" + t : t;
}

/** A quoted field's text: `"a ""b"" c"tail` -> `a "b" ctail` (text after the closing quote kept, as Excel does). */
function unquote(t: string, s: number, e: number): string {
  const raw = t.slice(s + 1, e);
  let out = "";
  let i = 0;
  for (;;) {
    const k = raw.indexOf('"', i);
    if (k < 0) return out + raw.slice(i);
    if (raw.charCodeAt(k + 1) === 34) {
      out += raw.slice(i, k + 1);
      i = k + 2;
      continue;
    }
    return out + raw.slice(i, k) + raw.slice(k + 1);
  }
}

/**
 * A cell as CsvGrid.numbers reads it: NaN when empty, the number when a plain decimal
 * `-?d+(.d+)?` (negative only when allowed; -0 always), else undefined.
 */
export function plainDecimal(s: string, allowNegative: boolean): number | undefined {
  const e = s.length;
  if (e === 0) return NaN;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < e; i++) {
    const ch = s.charCodeAt(i) - 48;
    if (ch >= 0 && ch <= 9) {
      m = m * 10 + ch;
      digits++;
      if (dot) scale++;
    } else if (ch === -2 && !dot && digits > 0) dot = true;
    else return undefined;
  }
  if (digits === 0 || (dot && scale === 0)) return undefined;
  let v = digits <= 15 ? (scale === 0 ? m : m / POW10[scale]) : Number(s.slice(negative ? 1 : 0));
  if (negative) {
    if (!allowNegative && v !== 0) return undefined;
    v = -v;
  }
  return v;
}

/** One column below the head rows: numeric while it can be, then interned text. */
class StreamColumn {
  length = 0;
  numeric = true;
  private cap: number;
  /**
   * The numbers, NaN for a blank cell: a view from `lead` on of `store`, whose first `lead`
   * slots take the head rows' numbers when `numbersFrom` is asked for them, so that the
   * numbers of a column from any row come out as a view, without a copy.
   */
  private nums: Float64Array | undefined;
  private store: Float64Array | undefined;
  /** 0 = blank; else bit 7 = written with a minus sign, bits 0-6 = decimals + 1. */
  private fmt: Uint8Array | undefined;
  private ids: Int32Array | undefined;
  private dict: Map<string, number> | undefined;
  values: string[] | undefined;

  /** `blanks` blank cells first; room for `capacity` cells before the arrays grow; `lead` slots for the head rows. */
  constructor(
    blanks: number,
    capacity: number,
    private readonly lead: number,
  ) {
    this.cap = Math.max(1024, blanks, capacity);
    this.store = new Float64Array(lead + this.cap);
    this.nums = this.store.subarray(lead);
    this.fmt = new Uint8Array(this.cap);
    for (let i = 0; i < blanks; i++) this.pushBlank();
  }

  /** Room for at least `rows` cells in all. */
  reserve(rows: number): void {
    if (rows > this.cap) this.grow(rows);
  }

  private grow(atLeast = 0): void {
    this.cap = Math.max(this.cap * 2, atLeast);
    if (this.numeric) {
      const store = new Float64Array(this.lead + this.cap);
      store.set(this.nums as Float64Array, this.lead);
      this.store = store;
      this.nums = store.subarray(this.lead);
      const f = new Uint8Array(this.cap);
      f.set(this.fmt as Uint8Array);
      this.fmt = f;
    } else {
      const ids = new Int32Array(this.cap);
      ids.set(this.ids as Int32Array);
      this.ids = ids;
    }
  }

  pushBlank(): void {
    if (this.numeric) {
      if (this.length === this.cap) this.grow();
      (this.nums as Float64Array)[this.length] = NaN;
      (this.fmt as Uint8Array)[this.length++] = 0;
    } else this.pushText("");
  }

  /**
   * Stores field b[s, e) (q: it starts with a quote); dec decodes bytes of the file's encoding.
   * `written` is the field's form as the record scan read it (NOT_PLAIN, or StreamColumn.fmt:
   * 0 blank, else sign and decimals) and `value` its number.
   */
  pushField(b: Uint8Array, s: number, e: number, q: boolean, dec: Decode, value: number, written: number): void {
    if (this.numeric) {
      if (written !== NOT_PLAIN) {
        if (this.length === this.cap) this.grow();
        (this.nums as Float64Array)[this.length] = written === 0 ? NaN : value;
        (this.fmt as Uint8Array)[this.length++] = written;
        return;
      }
      this.toText();
    }
    if (q) {
      const t = dec(b, s, e);
      this.pushText(unquote(t, 0, t.length));
    } else this.pushBytes(b, s, e, dec);
  }

  // Text cells met as bytes: an open-addressing table from the bytes to the id, so that a value
  // is decoded into a string once, when first seen.
  private slots = new Int32Array(0);
  private entries = 0;
  private entryStart = new Int32Array(0);
  private entryLen = new Int32Array(0);
  private entryHash = new Int32Array(0);
  private entryId = new Int32Array(0);
  private pool = new Uint8Array(0);
  private poolLen = 0;

  private pushBytes(b: Uint8Array, s: number, e: number, dec: Decode): void {
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 16777619);
    const slots = this.slots;
    const mask = slots.length - 1;
    const len = e - s;
    if (slots.length > 0) {
      for (let k = h & mask; ; k = (k + 1) & mask) {
        const x = slots[k] - 1;
        if (x < 0) break;
        if (this.entryHash[x] !== h || this.entryLen[x] !== len) continue;
        const p = this.entryStart[x];
        const pool = this.pool;
        let j = 0;
        while (j < len && pool[p + j] === b[s + j]) j++;
        if (j === len) {
          if (this.length === this.cap) this.grow();
          (this.ids as Int32Array)[this.length++] = this.entryId[x];
          return;
        }
      }
    }
    this.pushText(dec(b, s, e));
    this.addEntry(b, s, e, h, (this.ids as Int32Array)[this.length - 1]);
  }

  private addEntry(b: Uint8Array, s: number, e: number, h: number, id: number): void {
    const x = this.entries++;
    if (x === this.entryId.length) {
      const m = Math.max(64, x * 2);
      const grow = (a: Int32Array) => {
        const n = new Int32Array(m);
        n.set(a);
        return n;
      };
      this.entryStart = grow(this.entryStart);
      this.entryLen = grow(this.entryLen);
      this.entryHash = grow(this.entryHash);
      this.entryId = grow(this.entryId);
    }
    const len = e - s;
    if (this.poolLen + len > this.pool.length) {
      const n = new Uint8Array(Math.max(1024, (this.poolLen + len) * 2));
      n.set(this.pool.subarray(0, this.poolLen));
      this.pool = n;
    }
    this.pool.set(b.subarray(s, e), this.poolLen);
    this.entryStart[x] = this.poolLen;
    this.entryLen[x] = len;
    this.entryHash[x] = h;
    this.entryId[x] = id;
    this.poolLen += len;
    if (this.entries * 2 > this.slots.length) {
      const size = Math.max(1024, this.slots.length * 2);
      const slots = new Int32Array(size);
      for (let y = 0; y < this.entries; y++) {
        let k = this.entryHash[y] & (size - 1);
        while (slots[k] !== 0) k = (k + 1) & (size - 1);
        slots[k] = y + 1;
      }
      this.slots = slots;
    } else {
      let k = h & (this.slots.length - 1);
      while (this.slots[k] !== 0) k = (k + 1) & (this.slots.length - 1);
      this.slots[k] = x + 1;
    }
  }

  private pushText(s: string): void {
    if (this.length === this.cap) this.grow();
    (this.ids as Int32Array)[this.length++] = this.idOf(s);
  }

  /** The id of a text value, added to the dictionary when new. */
  private idOf(s: string): number {
    const dict = this.dict as Map<string, number>;
    let id = dict.get(s);
    if (id === undefined) {
      id = (this.values as string[]).length;
      (this.values as string[]).push(s);
      dict.set(s, id);
    }
    return id;
  }

  /** The numbers so far become text (their exact written form), then interned. */
  private toText(): void {
    const n = this.length;
    const texts: string[] = new Array(n);
    for (let i = 0; i < n; i++) texts[i] = this.text(i);
    this.numeric = false;
    this.nums = undefined;
    this.store = undefined;
    this.fmt = undefined;
    this.ids = new Int32Array(this.cap);
    this.dict = new Map();
    this.values = [];
    this.length = 0;
    for (let i = 0; i < n; i++) this.pushText(texts[i]);
  }

  /** The interned text cells (ids into `values`), or undefined while the column is numeric. */
  textCells(): { ids: Int32Array; values: string[] } | undefined {
    return this.numeric ? undefined : { ids: this.ids as Int32Array, values: this.values as string[] };
  }

  /** The text of cell i. */
  text(i: number): string {
    if (!this.numeric) return (this.values as string[])[(this.ids as Int32Array)[i]];
    return numberText((this.nums as Float64Array)[i], (this.fmt as Uint8Array)[i]);
  }

  /** The cells, to hand over to another thread (the arrays are the column's own). */
  part(): ColumnPart {
    if (this.numeric) return { length: this.length, nums: this.nums, fmt: this.fmt };
    return { length: this.length, ids: this.ids, values: this.values };
  }

  /** Appends the cells of a part: what pushing them one by one would store. */
  appendPart(p: ColumnPart): void {
    const n = p.length;
    if (p.values === undefined) {
      const nums = p.nums as Float64Array;
      const fmt = p.fmt as Uint8Array;
      if (!this.numeric) {
        for (let i = 0; i < n; i++) this.pushText(numberText(nums[i], fmt[i]));
        return;
      }
      this.reserve(this.length + n);
      (this.nums as Float64Array).set(nums.subarray(0, n), this.length);
      (this.fmt as Uint8Array).set(fmt.subarray(0, n), this.length);
      this.length += n;
      return;
    }
    if (this.numeric) this.toText();
    this.reserve(this.length + n);
    const remap = new Int32Array(p.values.length);
    for (let k = 0; k < remap.length; k++) remap[k] = this.idOf(p.values[k]);
    const ids = this.ids as Int32Array;
    const from = p.ids as Int32Array;
    for (let i = 0; i < n; i++) ids[this.length + i] = remap[from[i]];
    this.length += n;
  }

  /**
   * A numeric column's numbers from grid row `from` (the head rows' from `headCell`, undefined
   * when not a plain decimal) as a view of its store; undefined when one is not allowed.
   */
  numbersFrom(
    from: number,
    headCell: (row: number) => number | undefined,
    allowNegative: boolean,
  ): Float64Array | undefined {
    const store = this.store as Float64Array;
    const end = this.lead + this.length;
    for (let r = from; r < this.lead; r++) {
      const v = headCell(r);
      if (v === undefined) return undefined;
      store[r] = v;
    }
    const view = store.subarray(from, end);
    return allowNegative || noneNegative(view) ? view : undefined;
  }

  /** A text column's cells from..end into out[at..] as numbers (see Grid.numbers); false when one is not a plain decimal. */
  numbersInto(out: Float64Array, at: number, from: number, allowNegative: boolean): boolean {
    const values = this.values as string[];
    const parsed = new Float64Array(values.length);
    for (let k = 0; k < values.length; k++) {
      const v = plainDecimal(values[k], allowNegative);
      if (v === undefined) return false;
      parsed[k] = v;
    }
    const ids = this.ids as Int32Array;
    for (let i = from; i < this.length; i++) out[at++] = parsed[ids[i]];
    return true;
  }
}

/** True when no value is below 0 (NaN and -0 are not). */
function noneNegative(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] < 0) return false;
  return true;
}

/** Decodes bytes b[s, e) of the file's encoding. */
export type Decode = (b: Uint8Array, s: number, e: number) => string;

/**
 * A CSV file parsed into columns; implements Grid as CsvGrid does, with the same cells. Fed with
 * the bytes of the file in UTF-8 or GB18030 (delimiters, quotes and line ends are ASCII bytes that
 * are never part of a multi-byte character in either), through `feed`.
 */
export class StreamCsvGrid implements Grid {
  rowCount = 0;
  columnCount = 0;
  delimiter = "";
  private readonly head: string[][] = [];
  /** The columns below the head rows; undefined for a column left out (see `keep`). */
  private readonly columns: (StreamColumn | undefined)[] = [];
  /** 1 for a column kept; undefined: every column is kept. */
  private keepMask: Uint8Array | undefined;
  private chooseKeep: ChooseColumns | undefined;
  /** Per row below the head rows, with columns left out: 1 when a left-out field is not blank. */
  private dropped: Uint8Array | undefined;
  /** Per row below the head rows: its number of fields (at most 65,535), for rows shorter than the header. */
  private widths: Uint16Array = new Uint16Array(1024);
  private d = -1;
  // The fields of the record being parsed.
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  private fq = new Uint8Array(64);
  /** Per field: its written form (NOT_PLAIN, or StreamColumn.fmt) and its number when plain. */
  private fw = new Uint8Array(64);
  private fv = new Float64Array(64);
  /** Rows kept as strings at the top: HEAD_ROWS, or 0 for a part of a file below its top. */
  private readonly headRows: number;
  /** Bytes this grid will be fed in all (0 unknown), and fed so far: for the columns' capacity. */
  private readonly expectedBytes: number;
  private fedBytes = 0;

  constructor(
    private readonly dec: Decode,
    options: { headRows?: number; expectedBytes?: number; delimiter?: string; keep?: KeepColumns } = {},
  ) {
    this.headRows = options.headRows ?? HEAD_ROWS;
    if (typeof options.keep === "function") this.chooseKeep = options.keep;
    else if (options.keep !== undefined) this.keepColumns(options.keep);
    this.expectedBytes = options.expectedBytes ?? 0;
    if (options.delimiter !== undefined) {
      this.delimiter = options.delimiter;
      this.d = options.delimiter.charCodeAt(0);
    }
  }

  /**
   * Parses the complete records of b[0, n) (all of it when `final`) and returns how many bytes
   * they take: the caller keeps the rest and feeds it again with more bytes after it.
   */
  feed(b: Uint8Array, n: number, final: boolean): number {
    if (this.d < 0) {
      const delimiter = delimiterOf(b, n, final);
      if (delimiter === undefined) return 0;
      this.delimiter = delimiter;
      this.d = delimiter.charCodeAt(0);
    }
    let pos = 0;
    while (pos < n) {
      const end = this.record(b, pos, n, final);
      if (end < 0) break;
      pos = end;
      if (this.rowCount === this.headRows + SAMPLE_ROWS) this.sizeColumns(this.fedBytes + pos);
    }
    this.fedBytes += pos;
    return pos;
  }

  /**
   * Once SAMPLE_ROWS rows are in the columns, room for the rows the rest of the bytes will
   * likely bring (at the mean row length so far, 5% more), so that the arrays grow once.
   */
  private sizeColumns(fed: number): void {
    if (this.expectedBytes <= fed) return;
    const rows = Math.ceil((1.05 * this.expectedBytes * this.rowCount) / fed) - this.headRows;
    for (const col of this.columns) col?.reserve(rows);
    if (this.dropped && rows > this.dropped.length) this.dropped = grown(this.dropped, rows);
    if (rows > this.widths.length) this.widths = grownWidths(this.widths, rows);
  }

  /** Keeps only these columns below the head rows (the others are scanned, not stored). */
  private keepColumns(columns: readonly number[]): void {
    const mask = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const c of columns) mask[c] = 1;
    this.keepMask = mask;
    this.dropped = new Uint8Array(1024);
  }

  private isKept(column: number): boolean {
    return this.keepMask === undefined || (column < this.keepMask.length && this.keepMask[column] === 1);
  }

  /** The head rows, their cells as text (for the choice of the columns to keep). */
  headRowCells(): readonly (readonly string[])[] {
    return this.head;
  }

  /** A column left out: reading its cells below the head rows is a mistake of the caller's plan. */
  private checkKept(column: number, row: number): void {
    if (row < this.rowCount && row >= this.headRows && !this.isKept(column)) {
      throw new Error(`csv: column ${column + 1} was left out while reading (not in the columns kept)`);
    }
  }

  /** Parses and stores the record at i; returns the position after it, or -1 when it is not all in b[0, n) yet. */
  private record(b: Uint8Array, i: number, n: number, final: boolean): number {
    const d = this.d;
    let nf = 0;
    for (;;) {
      const start = i;
      let q = 0;
      if (b[i] === 34) {
        q = 1;
        i++;
        for (;;) {
          let k = i;
          while (k < n && b[k] !== 34) k++;
          if (k >= n) {
            if (!final) return -1;
            throw new UnterminatedQuote(start, this.rowCount);
          }
          if (k + 1 >= n && !final) return -1;
          if (k + 1 < n && b[k + 1] === 34) {
            i = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
      }
      // The field's end, reading a plain decimal on the way: -?digits(.digits)?, at most 15
      // digits, no leading zero (007, 00.5), so that it prints back as written.
      let m = 0;
      let digits = 0;
      let decimals = -1;
      let plain = q === 0;
      const negative = plain && b[i] === 45;
      if (negative) i++;
      const first = i;
      while (i < n) {
        const e = b[i];
        const c = e - 48;
        if (c >= 0 && c <= 9) {
          m = m * 10 + c;
          digits++;
          if (decimals >= 0) decimals++;
        } else if (e === d || e === 10 || e === 13) break;
        else if (e === 46 && decimals < 0 && digits > 0) decimals = 0;
        else plain = false;
        i++;
      }
      if (i >= n && !final) return -1;
      if (nf === this.fs.length) this.growFields();
      this.fs[nf] = start;
      this.fe[nf] = i;
      this.fq[nf] = q;
      if (i === start) this.fw[nf] = 0;
      else if (
        !plain ||
        digits === 0 ||
        digits > 15 ||
        decimals === 0 ||
        (b[first] === 48 && i > first + 1 && b[first + 1] !== 46)
      )
        this.fw[nf] = NOT_PLAIN;
      else {
        const v = decimals < 0 ? m : m / POW10[decimals];
        this.fv[nf] = negative ? -v : v;
        this.fw[nf] = (negative ? 128 : 0) | (decimals < 0 ? 1 : decimals + 1);
      }
      nf++;
      if (i >= n) {
        this.commit(b, nf);
        return n;
      }
      const e = b[i];
      if (e === d) {
        i++;
        if (i >= n) {
          if (!final) return -1;
          if (nf === this.fs.length) this.growFields();
          this.fs[nf] = n;
          this.fe[nf] = n;
          this.fq[nf] = 0;
          this.fw[nf] = 0;
          nf++;
          this.commit(b, nf);
          return n;
        }
        continue;
      }
      if (e === 13 && i + 1 >= n && !final) return -1;
      i += e === 13 && i + 1 < n && b[i + 1] === 10 ? 2 : 1;
      this.commit(b, nf);
      return i;
    }
  }

  private growFields(): void {
    const m = this.fs.length * 2;
    const s = new Int32Array(m);
    s.set(this.fs);
    this.fs = s;
    const e = new Int32Array(m);
    e.set(this.fe);
    this.fe = e;
    const q = new Uint8Array(m);
    q.set(this.fq);
    this.fq = q;
    const w = new Uint8Array(m);
    w.set(this.fw);
    this.fw = w;
    const v = new Float64Array(m);
    v.set(this.fv);
    this.fv = v;
  }

  private commit(b: Uint8Array, nf: number): void {
    if (nf > this.columnCount) this.columnCount = nf;
    const dec = this.dec;
    if (this.rowCount < this.headRows) {
      const row = new Array<string>(nf);
      for (let f = 0; f < nf; f++) {
        const t = dec(b, this.fs[f], this.fe[f]);
        row[f] = this.fq[f] ? unquote(t, 0, t.length) : t;
      }
      this.head.push(row);
    } else {
      const at = this.rowCount - this.headRows;
      if (at >= this.widths.length) this.widths = grownWidths(this.widths, at + 1);
      this.widths[at] = Math.min(nf, 0xffff);
      if (this.chooseKeep !== undefined && this.rowCount === this.headRows) {
        const keep = chosen(this.chooseKeep, this.head);
        this.chooseKeep = undefined;
        if (keep !== undefined) this.keepColumns(keep);
      }
      const columns = this.columns;
      while (columns.length < nf) {
        const f = columns.length;
        columns.push(this.isKept(f) ? new StreamColumn(this.rowCount - this.headRows, 0, this.headRows) : undefined);
      }
      if (this.keepMask === undefined) {
        for (let f = 0; f < nf; f++)
          (columns[f] as StreamColumn).pushField(
            b,
            this.fs[f],
            this.fe[f],
            this.fq[f] === 1,
            dec,
            this.fv[f],
            this.fw[f],
          );
        for (let f = nf; f < columns.length; f++) (columns[f] as StreamColumn).pushBlank();
      } else {
        let content = 0;
        for (let f = 0; f < nf; f++) {
          const col = columns[f];
          if (col) col.pushField(b, this.fs[f], this.fe[f], this.fq[f] === 1, dec, this.fv[f], this.fw[f]);
          else if (content === 0 && !blankBytes(b, this.fs[f], this.fe[f])) content = 1;
        }
        for (let f = nf; f < columns.length; f++) columns[f]?.pushBlank();
        let dropped = this.dropped as Uint8Array;
        if (at >= dropped.length) dropped = this.dropped = grown(dropped, at + 1);
        dropped[at] = content;
      }
    }
    this.rowCount++;
  }

  /** The rows of a grid made with `headRows: 0`, to hand over to another thread. */
  part(): GridPart {
    return {
      rowCount: this.rowCount,
      columnCount: this.columnCount,
      columns: this.columns.map((c) => c?.part()),
      dropped: this.dropped,
      widths: this.widths,
    };
  }

  /** Appends the rows of a part of the file that follows the bytes fed so far. */
  appendPart(p: GridPart): void {
    const before = this.rowCount - this.headRows;
    for (let f = 0; f < Math.max(this.columns.length, p.columns.length); f++) {
      if (f === this.columns.length)
        this.columns.push(this.isKept(f) ? new StreamColumn(before, before + p.rowCount, this.headRows) : undefined);
      const col = this.columns[f];
      if (!col) continue;
      const part = p.columns[f];
      if (part) col.appendPart(part);
      else for (let i = 0; i < p.rowCount; i++) col.pushBlank();
    }
    if (this.dropped) {
      const dropped =
        before + p.rowCount > this.dropped.length ? grown(this.dropped, before + p.rowCount) : this.dropped;
      if (p.dropped) dropped.set(p.dropped.subarray(0, p.rowCount), before);
      this.dropped = dropped;
    }
    if (before + p.rowCount > this.widths.length) this.widths = grownWidths(this.widths, before + p.rowCount);
    this.widths.set(p.widths.subarray(0, p.rowCount), before);
    this.rowCount += p.rowCount;
    this.columnCount = Math.max(this.columnCount, p.columnCount);
  }

  /** The number of fields row `row` has in the file (at most 65,535). */
  fieldCount(row: number): number {
    return row < this.headRows ? this.head[row].length : this.widths[row - this.headRows];
  }

  /** See Grid.rowBlank: the head row's cells, else the kept cells and whether a left-out field had content. */
  rowBlank(row: number): boolean {
    if (row >= this.rowCount) return true;
    if (row < this.headRows) return this.head[row].every((v) => v.trim() === "");
    if (this.dropped && this.dropped[row - this.headRows] === 1) return false;
    for (const col of this.columns) if (col && col.text(row - this.headRows).trim() !== "") return false;
    return true;
  }

  cell(row: number, column: number): string {
    if (row >= this.rowCount) return "";
    if (row < this.headRows) return this.head[row][column] ?? "";
    this.checkKept(column, row);
    const col = this.columns[column];
    return col ? col.text(row - this.headRows) : "";
  }

  column(column: number, from: number): string[] {
    const out = new Array<string>(Math.max(0, this.rowCount - from));
    let r = from;
    for (; r < this.rowCount && r < this.headRows; r++) out[r - from] = this.head[r][column] ?? "";
    this.checkKept(column, r);
    const col = this.columns[column];
    for (; r < this.rowCount; r++) out[r - from] = col ? col.text(r - this.headRows) : "";
    return out;
  }

  /** See Grid.codes: the head rows' cells, then the column's dictionary; undefined for a numeric column. */
  codes(column: number, from: number): IndexedCells | undefined {
    this.checkKept(column, Math.max(from, this.headRows));
    const col = this.columns[column];
    const text = col?.textCells();
    if (from > this.headRows || (this.rowCount > this.headRows && text === undefined)) return undefined;
    const rawIndex = new Int32Array(Math.max(0, this.rowCount - from));
    const distinct: string[] = [];
    const seen = new Map<string, number>();
    const indexOf = (s: string): number => {
      let k = seen.get(s);
      if (k === undefined) {
        k = distinct.length;
        distinct.push(s);
        seen.set(s, k);
      }
      return k;
    };
    let r = from;
    for (; r < this.rowCount && r < this.headRows; r++) rawIndex[r - from] = indexOf(this.head[r][column] ?? "");
    if (text !== undefined && r < this.rowCount) {
      const remap = new Int32Array(text.values.length);
      for (let k = 0; k < remap.length; k++) remap[k] = indexOf(text.values[k]);
      const ids = text.ids;
      for (; r < this.rowCount; r++) rawIndex[r - from] = remap[ids[r - this.headRows]];
    }
    return { rawIndex, distinct };
  }

  /** See Grid.numbers; a numeric column's numbers are a view of the grid's own storage (not to be written to). */
  numbers(column: number, from: number, allowNegative: boolean): Float64Array | undefined {
    this.checkKept(column, Math.max(from, this.headRows));
    const col = this.columns[column];
    if (col?.numeric)
      return col.numbersFrom(from, (r) => plainDecimal(this.head[r][column] ?? "", allowNegative), allowNegative);
    const out = new Float64Array(Math.max(0, this.rowCount - from));
    let r = from;
    for (; r < this.rowCount && r < this.headRows; r++) {
      const v = plainDecimal(this.head[r][column] ?? "", allowNegative);
      if (v === undefined) return undefined;
      out[r - from] = v;
    }
    if (r >= this.rowCount) return out;
    if (!col) {
      out.fill(NaN, r - from);
      return out;
    }
    return col.numbersInto(out, r - from, r - this.headRows, allowNegative) ? out : undefined;
  }
}

/** The rows of a part of a file (a grid with no head rows), as a worker hands them over. */
export interface GridPart {
  rowCount: number;
  columnCount: number;
  /** undefined for a column left out. */
  columns: (ColumnPart | undefined)[];
  /** With columns left out: per row, 1 when a left-out field is not blank. */
  dropped?: Uint8Array;
  /** Per row: its number of fields (see StreamCsvGrid.fieldCount). */
  widths: Uint16Array;
}

export interface StreamOptions {
  encoding?: Encoding;
  /** Bytes per read (default 1 MiB). */
  chunkSize?: number;
  /** A progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
  /** Threads parsing parts of a large file at once (default: the cores, at most 4; 1 parses in this thread only). */
  threads?: number;
  /**
   * The columns to keep below the first 32 rows (the others are scanned, not stored: reading
   * their cells there is an error), or a function that chooses them from those rows; all when
   * undefined. A left-out field of spaces, tabs and quotes only counts as blank for rowBlank.
   */
  keep?: KeepColumns;
}

/**
 * A quoted field whose closing quote never comes: the rest of the file would be one cell. `at`
 * is the offset of its opening quote (in the bytes fed, then in the file), `row` its 0-based row.
 */
export class UnterminatedQuote extends Error {
  constructor(
    readonly at: number,
    readonly row: number,
  ) {
    super("unterminated quoted field");
  }
}

const decodeUtf8: Decode = (b, s, e) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8", s, e);
const GB18030 = new TextDecoder("gb18030", { ignoreBOM: true });
const decodeGb18030: Decode = (b, s, e) => GB18030.decode(b.subarray(s, e));

/** Encodings parsed as bytes (delimiters, quotes and line ends are ASCII bytes, never inside a character). */
export type ByteEncoding = "utf-8" | "gb18030";

export function decoderOf(kind: ByteEncoding): Decode {
  return kind === "gb18030" ? decodeGb18030 : decodeUtf8;
}

/**
 * Feeds bytes [start, end) of the file to the grid in chunks; with `final` the last record
 * may end at `end` without a line break, else it waits for bytes past `end` and is left out.
 * Returns the file offset after the last record parsed (the encoding was decided before: encoding.ts).
 */
export function parseBytes(
  fd: number,
  grid: StreamCsvGrid,
  range: { start: number; end: number; final: boolean },
  chunkSize: number,
  onRead?: (pos: number) => void,
): number {
  const chunk = Buffer.allocUnsafe(chunkSize);
  let buf = Buffer.allocUnsafe(chunkSize * 2);
  let len = 0;
  let pos = range.start;
  let parsed = range.start;
  const parse = (final: boolean) => {
    let used: number;
    try {
      used = grid.feed(buf, len, final);
    } catch (e) {
      throw e instanceof UnterminatedQuote ? new UnterminatedQuote(parsed + e.at, e.row) : e;
    }
    buf.copy(buf, 0, used, len);
    len -= used;
    parsed += used;
  };
  while (pos < range.end) {
    const n = fs.readSync(fd, chunk, 0, Math.min(chunkSize, range.end - pos), pos);
    if (n === 0) break;
    pos += n;
    if (len + n > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, len + n));
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    chunk.copy(buf, len, 0, n);
    len += n;
    parse(false);
    onRead?.(pos);
  }
  if (range.final) parse(true);
  return parsed;
}

/** How much more than a worker's share of the file the reading thread parses (see `parseParallel`). */
const MAIN_SHARE_BONUS = 0.15;

/** Below this many bytes a file is parsed in one thread (starting a worker costs more). */
const PARALLEL_MIN_BYTES = 8 << 20;

/** The compiled worker (build/cli/csvWorker.js); absent when this module runs from TypeScript (tests). */
const WORKER_SCRIPT = join(__dirname, "csvWorker.js");

/** A part of a file to parse: its bytes [start, end), and how. */
export interface PartJob {
  path: string;
  start: number;
  end: number;
  final: boolean;
  kind: ByteEncoding;
  delimiter: string;
  chunkSize: number;
  /** The columns kept (all when undefined). */
  keep?: readonly number[];
}

/** A parsed part: its rows and the file offset after its last record; or what went wrong. */
export interface PartResult {
  part?: GridPart;
  parsed?: number;
  /** A quoted field not closed by the end of the part (see parsePart). */
  unterminated?: boolean;
  error?: string;
}

/** Parses a part into a grid with no head rows (what a worker does). */
export function parsePart(job: PartJob): PartResult {
  const fd = fs.openSync(job.path, "r");
  try {
    const grid = new StreamCsvGrid(decoderOf(job.kind), {
      headRows: 0,
      expectedBytes: job.end - job.start,
      delimiter: job.delimiter,
      keep: job.keep,
    });
    const parsed = parseBytes(fd, grid, job, job.chunkSize);
    return { part: grid.part(), parsed };
  } catch (e) {
    // Genuine only when the part starts at a record boundary: the reading thread parses it again.
    if (e instanceof UnterminatedQuote) return { unterminated: true };
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Starts parsing a part; the function it returns waits for the result. */
export type PartRunner = (job: PartJob) => { result: () => PartResult; stop: () => void };

/** What a worker is given: the job, a port for the result and a flag it sets when the result is posted. */
export interface WorkerData {
  job: PartJob;
  port: MessagePort;
  done: Int32Array;
}

/** Each part in a worker thread (csvWorker.ts); the reading thread blocks on the flag, then takes the message. */
const inWorker: PartRunner = (job) => {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData = { job, port: port2, done };
  const worker = new Worker(WORKER_SCRIPT, { workerData: data, transferList: [port2] });
  worker.unref();
  return {
    result: () => {
      while (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0, 1000);
      return (receiveMessageOnPort(port1)?.message as PartResult | undefined) ?? { error: "no result" };
    },
    stop: () => {
      void worker.terminate();
      port1.close();
    },
  };
};

export interface ParallelOptions {
  threads: number;
  chunkSize: number;
  /** Smaller files are left to one thread (default 8 MiB). */
  minBytes?: number;
  /** How the parts after the first are parsed (default: worker threads, when compiled). */
  runner?: PartRunner;
  onRead?: (pos: number) => void;
  /** The columns to keep (see StreamOptions.keep). */
  keep?: KeepColumns;
}

/**
 * Parses a large file in parts at once: the file is cut after a line feed near each of
 * `threads` shares (the first a little larger); this thread parses the first part, a worker each other one, and
 * the parts are appended in order. A part is taken only when the one before it ended exactly
 * where it starts, which a sequential parse then does too (a record boundary is a plain
 * start of record); when a quoted field spans a cut, the rest is parsed here from where the
 * previous part stopped. The result is the grid one sequential pass gives. Undefined when the
 * file is too small, has no line feed in its first MiB, or the worker script is not compiled.
 */
export function parseParallel(
  file: string,
  fd: number,
  kind: ByteEncoding,
  range: { skip: number; size: number },
  o: ParallelOptions,
): StreamCsvGrid | undefined {
  const { skip, size } = range;
  const runner = o.runner ?? (fs.existsSync(WORKER_SCRIPT) ? inWorker : undefined);
  if (o.threads < 2 || size - skip < (o.minBytes ?? PARALLEL_MIN_BYTES) || !runner) return undefined;
  const probe = Buffer.allocUnsafe(Math.min(1 << 20, size - skip));
  const head = probe.subarray(0, fs.readSync(fd, probe, 0, probe.length, skip));
  const delimiter = head.indexOf(10) >= 0 ? delimiterOf(head, head.length, false) : undefined;
  if (delimiter === undefined) return undefined;
  // The columns to keep, chosen from the head rows as one pass chooses them (the probe must hold them).
  let keep = typeof o.keep === "function" ? undefined : o.keep;
  if (typeof o.keep === "function") {
    // Nothing below the head rows is stored (keep none): only they are wanted here.
    const top = new StreamCsvGrid(decoderOf(kind), { delimiter, keep: [] });
    top.feed(head, head.length, head.length === size - skip);
    if (top.rowCount <= HEAD_ROWS && head.length < size - skip) return undefined;
    keep = chosen(o.keep, top.headRowCells());
  }
  // This thread's part is a little larger: a worker starts some 40 ms later (its own start-up).
  const shares = o.threads + MAIN_SHARE_BONUS;
  const cuts = [skip];
  for (let j = 1; j < o.threads; j++) {
    const at = skip + Math.floor(((size - skip) * (j + MAIN_SHARE_BONUS)) / shares);
    const lf = probe.subarray(0, fs.readSync(fd, probe, 0, probe.length, at)).indexOf(10);
    if (lf >= 0 && at + lf + 1 > cuts[cuts.length - 1] && at + lf + 1 < size) cuts.push(at + lf + 1);
  }
  cuts.push(size);
  if (cuts.length < 3) return undefined;
  const parts: ReturnType<PartRunner>[] = [];
  try {
    for (let k = 1; k + 1 < cuts.length; k++) {
      const final = k + 2 === cuts.length;
      parts.push(
        runner({
          path: file,
          start: cuts[k],
          end: cuts[k + 1],
          final,
          kind,
          delimiter,
          chunkSize: o.chunkSize,
          keep,
        }),
      );
    }
  } catch {
    // A worker could not be started (a limit of the machine): one pass instead.
    for (const p of parts) p.stop();
    return undefined;
  }
  try {
    const grid = new StreamCsvGrid(decoderOf(kind), { expectedBytes: size - skip, keep });
    let parsed = parseBytes(fd, grid, { start: skip, end: cuts[1], final: false }, o.chunkSize, o.onRead);
    for (let k = 0; k < parts.length; k++) {
      if (parsed !== cuts[k + 1] || grid.rowCount < HEAD_ROWS) break;
      const result = parts[k].result();
      if (result.unterminated) break;
      if (result.part === undefined || result.parsed === undefined)
        throw new CaseMixError("value", {
          en: `${file}: reading part ${k + 1} on a worker thread failed: ${result.error ?? "no result"}`,
          zh: `${file}：在工作线程中读取第 ${k + 1} 部分失败：${result.error ?? "没有结果"}`,
        });
      grid.appendPart(result.part);
      parsed = result.parsed;
    }
    if (parsed < size) parseBytes(fd, grid, { start: parsed, end: size, final: true }, o.chunkSize);
    return grid;
  } finally {
    for (const p of parts) p.stop();
  }
}

/** Reads a CSV file in chunks into a StreamCsvGrid; see the module comment. */
export function readCsvStream(
  path: string,
  options: StreamOptions = {},
): { grid: StreamCsvGrid; encoding: Encoding; reason: Text } {
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 20);
  const progress = options.progress ?? process.stderr.isTTY === true;
  const threads = Math.max(1, Math.min(4, options.threads ?? os.availableParallelism()));
  const fd = fs.openSync(path, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const start = Buffer.alloc(4);
    const b = start.subarray(0, fs.readSync(fd, start, 0, 4, 0));
    const utf8Bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    const head = Buffer.allocUnsafe(Math.min(size, 64 << 10));
    checkDelimiter(path, head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
    /**
     * One pass over the file from byte `skip`: UTF-8 or GB18030 bytes are parsed as they are, in
     * parts at once when the file is large; UTF-16 is decoded (streaming) and parsed as UTF-8.
     */
    const pass = (kind: ByteEncoding | "utf-16le" | "utf-16be", skip: number): StreamCsvGrid => {
      const bar = progress ? new ProgressBar(path, size) : undefined;
      try {
        if (kind === "utf-16le" || kind === "utf-16be") return utf16Pass(fd, kind, skip, chunkSize, bar, options.keep);
        const parallel = parseParallel(
          path,
          fd,
          kind,
          { skip, size },
          {
            threads,
            chunkSize,
            onRead: (pos) => bar?.update(skip + (pos - skip) * threads),
            keep: options.keep,
          },
        );
        if (parallel) return parallel;
        const grid = new StreamCsvGrid(decoderOf(kind), { expectedBytes: size - skip, keep: options.keep });
        parseBytes(fd, grid, { start: skip, end: size, final: true }, chunkSize, (pos) => bar?.update(pos));
        return grid;
      } finally {
        bar?.done();
      }
    };
    const read = (kind: Encoding, skip: number, reason: Text) => {
      const parsed = kind === "utf-8-bom" ? "utf-8" : kind;
      try {
        return { grid: pass(parsed, skip), encoding: kind, reason };
      } catch (e) {
        if (!(e instanceof UnterminatedQuote)) throw e;
        throw unterminatedQuoteError(path, fd, e, parsed === "utf-8" || parsed === "gb18030");
      }
    };
    const forced = options.encoding;
    const given = { en: "given by --encoding", zh: "由 --encoding 指定" };
    const bom = { en: "byte-order mark", zh: "字节顺序标记" };
    if (forced === "utf-8" || forced === "utf-8-bom")
      return read(forced, forced === "utf-8-bom" || utf8Bom ? 3 : 0, given);
    if (forced === "gb18030") {
      const gbBom = b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33;
      return read(forced, gbBom ? 4 : 0, given);
    }
    if (forced) return read(forced, 0, given);
    if (utf8Bom) return read("utf-8-bom", 3, bom);
    if (b[0] === 0xff && b[1] === 0xfe) return read("utf-16le", 2, bom);
    if (b[0] === 0xfe && b[1] === 0xff) return read("utf-16be", 2, bom);
    const decision = decideEncoding(fd, size, path);
    return read(decision.encoding, 0, decision.reason);
  } finally {
    fs.closeSync(fd);
  }
}

/** The message for a quoted field never closed; `bytes`: its offset is one in the file (not in UTF-16 re-encoded). */
function unterminatedQuoteError(path: string, fd: number, e: UnterminatedQuote, bytes: boolean): CaseMixError {
  const size = fs.fstatSync(fd).size;
  const where = bytes
    ? {
        en: `line ${lineAt(fd, e.at)} (row ${e.row + 1}, byte ${e.at + 1})`,
        zh: `第 ${lineAt(fd, e.at)} 行（第 ${e.row + 1} 条记录，第 ${e.at + 1} 字节）`,
      }
    : { en: `row ${e.row + 1}`, zh: `第 ${e.row + 1} 条记录` };
  const rest = bytes ? size - e.at : undefined;
  return new CaseMixError("value", {
    en: `${path}: ${where.en}: a quoted field opens there (") and is never closed, so the rest of the file${rest === undefined ? "" : ` (${rest} bytes)`} would be read as one cell; close the quote, or double it ("") where it is part of the text`,
    zh: `${path}：${where.zh}：此处有一个以引号（"）开始的字段，但引号始终没有闭合，文件其余部分${rest === undefined ? "" : `（${rest} 字节）`}都会被读成一个单元格；请补上闭合引号，或将文本中的引号写成两个（""）`,
  });
}

/** A UTF-16 file from byte `skip`, decoded streaming and parsed as UTF-8. */
function utf16Pass(
  fd: number,
  kind: "utf-16le" | "utf-16be",
  skip: number,
  chunkSize: number,
  bar: ProgressBar | undefined,
  keep: KeepColumns | undefined,
): StreamCsvGrid {
  const grid = new StreamCsvGrid(decodeUtf8, { keep });
  const chunk = Buffer.allocUnsafe(chunkSize);
  const decoder = new TextDecoder(kind, { ignoreBOM: true });
  let pending: Buffer = Buffer.alloc(0);
  let atStart = true;
  const parse = (text: string, final: boolean) => {
    if (atStart && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      atStart = false;
    }
    const bytes = Buffer.concat([pending, Buffer.from(text, "utf8")]);
    const used = grid.feed(bytes, bytes.length, final);
    pending = bytes.subarray(used);
  };
  for (let pos = skip; ;) {
    const n = fs.readSync(fd, chunk, 0, chunkSize, pos);
    if (n === 0) break;
    pos += n;
    parse(decoder.decode(chunk.subarray(0, n), { stream: true }), false);
    bar?.update(pos);
  }
  parse(decoder.decode(), true);
  return grid;
}

/** `name [=========           ] 42%` on stderr, redrawn when the percentage changes, erased at the end. */
class ProgressBar {
  private shown = -1;
  private readonly name: string;
  constructor(
    path: string,
    private readonly size: number,
  ) {
    this.name = path.length > 40 ? "..." + path.slice(-37) : path;
  }
  update(pos: number): void {
    const pct = this.size > 0 ? Math.min(100, Math.floor((100 * pos) / this.size)) : 100;
    if (pct === this.shown) return;
    this.shown = pct;
    const filled = Math.round(pct / 5);
    process.stderr.write(`\r${this.name} [${"=".repeat(filled)}${" ".repeat(20 - filled)}] ${pct}%`);
  }
  done(): void {
    if (this.shown >= 0) process.stderr.write(`\r${" ".repeat(this.name.length + 28)}\r`);
  }
}
