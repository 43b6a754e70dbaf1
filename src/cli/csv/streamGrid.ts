/**
 * A CSV parsed from its bytes straight into columns (StreamCsvGrid), and the parts of it that
 * worker threads hand over.
 */
import type { Grid, IndexedCells } from "../../engine/caseTable";
import { Decode, NOT_PLAIN, POW10, blankBytes, plainDecimal, unquote } from "./cellText";
import { delimiterOf } from "./delimiter";
import { ChooseColumns, HEAD_ROWS, KeepColumns, chosen } from "./headRows";
import { ColumnPart, StreamColumn } from "./streamColumn";

/** Rows read before the columns are given room for the rest of the file (see `sizeColumns`). */
const SAMPLE_ROWS = 1024;

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
 * After the opening quote of the field at `start`, from i: the position after its closing quote
 * (doubled quotes are part of the field), or -1 when that is not in b[0, n) yet. Throws
 * UnterminatedQuote when the file ends inside the quotes.
 */
function closingQuoteEnd(b: Uint8Array, i: number, n: number, final: boolean, start: number, row: number): number {
  for (;;) {
    let k = i;
    while (k < n && b[k] !== 34) k++;
    if (k >= n) {
      if (!final) return -1;
      throw new UnterminatedQuote(start, row);
    }
    if (k + 1 >= n && !final) return -1;
    if (k + 1 < n && b[k + 1] === 34) {
      i = k + 2;
      continue;
    }
    return k + 1;
  }
}

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
    let nf = 0;
    for (;;) {
      const start = i;
      const q = b[i] === 34 ? 1 : 0;
      if (q === 1) {
        i = closingQuoteEnd(b, i + 1, n, final, start, this.rowCount);
        if (i < 0) return -1;
      }
      i = this.scanField(b, start, i, q, n, nf);
      if (i >= n && !final) return -1;
      nf++;
      if (i >= n) {
        this.commit(b, nf);
        return n;
      }
      const e = b[i];
      if (e === this.d) {
        i++;
        if (i >= n) {
          if (!final) return -1;
          this.storeField(nf, n, n, 0);
          this.fw[nf] = 0;
          this.commit(b, nf + 1);
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

  /**
   * Finds the end of the field at `start` (past its closing quote, if any, at `i`) and stores it
   * as field `nf`, reading a plain decimal on the way: -?digits(.digits)?, at most 15 digits, no
   * leading zero (007, 00.5), so that it prints back as written. Returns the field's end.
   */
  private scanField(b: Uint8Array, start: number, i: number, q: number, n: number, nf: number): number {
    const d = this.d;
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
    this.storeField(nf, start, i, q);
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
    return i;
  }

  /** Stores where field `nf` of the record starts and ends, and whether it is quoted (its form is set after). */
  private storeField(nf: number, start: number, end: number, q: number): void {
    if (nf === this.fs.length) this.growFields();
    this.fs[nf] = start;
    this.fe[nf] = end;
    this.fq[nf] = q;
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
