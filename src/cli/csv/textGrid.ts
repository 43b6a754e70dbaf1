/**
 * A CSV text (decoded whole) as a grid: where each field starts and ends is found in one pass,
 * the cells are cut out when asked for. The streaming reader (streamGrid.ts) parses bytes with
 * the same rules; this one serves texts already in memory (parseCsvColumns, tests, the sample).
 */
import type { Grid } from "../../engine/caseTable";
import { plainDecimalAt, unquote } from "./cellText";

/** The delimiter of a text: a tab when its first line has more tabs than commas, else a comma. */
function delimiterOfText(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  return first.split("\t").length > first.split(",").length ? "\t" : ",";
}

/** A copy of `a` with twice the room. */
function doubled<A extends Int32Array | Uint8Array>(a: A): A {
  const out = new (a.constructor as new (n: number) => A)(a.length * 2);
  out.set(a);
  return out;
}

/** Where the fields of a text start and end, row by row, in arrays that grow as they fill. */
class FieldIndex {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  /** 1 when the field begins with a quote and must be unquoted. */
  quoted = new Uint8Array(1024);
  /** Fields of row r are rowStart[r] .. rowStart[r + 1] - 1 (the last entry is set by `finish`). */
  rowStart = new Int32Array(256);
  fields = 0;
  rows = 0;
  /** The most fields of any row. */
  widest = 0;
  private rowFirst = 0;

  push(start: number, end: number, quoted: number): void {
    if (this.fields === this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
      this.quoted = doubled(this.quoted);
    }
    this.starts[this.fields] = start;
    this.ends[this.fields] = end;
    this.quoted[this.fields] = quoted;
    this.fields++;
  }

  endRow(): void {
    if (this.rows + 1 >= this.rowStart.length) this.rowStart = doubled(this.rowStart);
    this.rowStart[this.rows] = this.rowFirst;
    this.widest = Math.max(this.widest, this.fields - this.rowFirst);
    this.rows++;
    this.rowFirst = this.fields;
  }

  finish(): void {
    this.rowStart[this.rows] = this.fields;
  }
}

/**
 * The end of a quoted field whose opening quote is before `i`: the position after its closing
 * quote (doubled quotes inside are part of it), or -1 when it is never closed.
 */
function closingQuoteEnd(text: string, i: number): number {
  for (;;) {
    const k = text.indexOf('"', i);
    if (k < 0) return -1;
    if (text.charCodeAt(k + 1) !== 34 /* " */) return k + 1;
    i = k + 2;
  }
}

/**
 * Indexes the fields of `text` separated by the character code `d` (RFC 4180, see CsvGrid);
 * returns the 0-based row of a quoted field never closed (read to the end of the text), or -1.
 */
function indexFields(text: string, d: number, index: FieldIndex): number {
  const n = text.length;
  let unterminatedRow = -1;
  let i = 0;
  while (i < n) {
    const start = i;
    let q = 0;
    if (text.charCodeAt(i) === 34 /* " */) {
      q = 1;
      const end = closingQuoteEnd(text, i + 1);
      if (end < 0) unterminatedRow = index.rows;
      i = end < 0 ? n : end;
    }
    while (i < n) {
      const e = text.charCodeAt(i);
      if (e === d || e === 10 || e === 13) break;
      i++;
    }
    index.push(start, i, q);
    if (i >= n) {
      index.endRow();
      break;
    }
    const e = text.charCodeAt(i);
    if (e === d) {
      i++;
      if (i >= n) {
        index.push(n, n, 0);
        index.endRow();
      }
      continue;
    }
    i += e === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    index.endRow();
  }
  index.finish();
  return unterminatedRow;
}

/**
 * A CSV text as a grid without splitting it into strings up front: one pass records where each
 * field starts and ends (typed arrays, RFC 4180: quoted fields, doubled quotes, delimiters and
 * line breaks inside quotes; CRLF, LF or CR line ends; a final line break makes no extra row),
 * cells are cut out when asked for, and numeric columns are read straight from the characters.
 * The delimiter is a comma, or a tab when the first line has more tabs than commas.
 */
export class CsvGrid implements Grid {
  readonly rowCount: number;
  readonly columnCount: number;
  readonly delimiter: string;
  /** Fields of row r are rowStart[r] .. rowStart[r + 1] - 1. */
  private readonly rowStart: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** 1 when the field begins with a quote and must be unquoted. */
  private readonly quoted: Uint8Array;
  /** The 0-based row of a quoted field never closed (read to the end of the text), or -1. */
  readonly unterminatedRow: number;

  constructor(
    private readonly text: string,
    delimiter?: string,
  ) {
    this.delimiter = delimiter ?? delimiterOfText(text);
    const index = new FieldIndex();
    this.unterminatedRow = indexFields(text, this.delimiter.charCodeAt(0), index);
    this.rowCount = index.rows;
    this.columnCount = index.widest;
    this.rowStart = index.rowStart.subarray(0, index.rows + 1);
    this.starts = index.starts;
    this.ends = index.ends;
    this.quoted = index.quoted;
  }

  /** Index of the field of row r, column c, or -1 when the row is shorter. */
  private field(r: number, c: number): number {
    const f = this.rowStart[r] + c;
    return f < this.rowStart[r + 1] ? f : -1;
  }

  private value(f: number): string {
    if (f < 0) return "";
    const s = this.starts[f];
    const e = this.ends[f];
    if (!this.quoted[f]) return this.text.slice(s, e);
    return unquote(this.text, s, e);
  }

  cell(row: number, column: number): string {
    return row < this.rowCount ? this.value(this.field(row, column)) : "";
  }

  column(column: number, from: number): string[] {
    const out = new Array<string>(Math.max(0, this.rowCount - from));
    for (let r = from; r < this.rowCount; r++) out[r - from] = this.value(this.field(r, column));
    return out;
  }

  /**
   * The column as numbers when every field is empty (NaN) or a plain decimal `-?d+(.d+)?`, and
   * none is negative unless allowed; else undefined (the caller then reads the text and reports
   * the bad cell). m / 10^k with both exact is correctly rounded, as Number() is.
   */
  numbers(column: number, from: number, allowNegative: boolean): Float64Array | undefined {
    const text = this.text;
    const out = new Float64Array(Math.max(0, this.rowCount - from));
    for (let r = from; r < this.rowCount; r++) {
      const f = this.field(r, column);
      if (f < 0) {
        out[r - from] = NaN;
        continue;
      }
      if (this.quoted[f]) return undefined;
      const v = plainDecimalAt(text, this.starts[f], this.ends[f], allowNegative);
      if (v === undefined) return undefined;
      out[r - from] = v;
    }
    return out;
  }
}
