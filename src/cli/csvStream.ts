/**
 * Streaming CSV reader for the command line: the file is read in fixed-size chunks, decoded
 * chunk by chunk (TextDecoder with `stream: true`) and parsed straight into typed columns, so
 * that memory holds the columns and their dictionaries, never the file's text nor a string per
 * row and field.
 *
 * - Encoding as `decodeText` (readInput.ts): a byte-order mark; else UTF-8 when every byte of
 *   the file is valid UTF-8 (read as UTF-8 and, at the first invalid byte, read again from the
 *   start as GB18030); else GB18030.
 * - Parsing as `CsvGrid` (RFC 4180 with the same edge rules), the delimiter from the first line.
 * - Storage: the first HEAD_ROWS rows (titles and the header) as strings; below them each
 *   column is numeric (a Float64Array, with each cell's sign and decimals so its text comes back
 *   exactly) while every cell is a plain decimal that prints back as written, and turns into
 *   interned text (Int32Array ids + dictionary) at its first other cell.
 *
 *     readCsvStream("cases.csv").grid.numbers(8, 1, false)  // Float64Array of 住院总费用
 */
import * as fs from "fs";
import type { Grid } from "../engine/caseTable";
import type { Encoding } from "./readInput";

/** Rows kept as strings at the top (the header row is searched among the first 30). */
const HEAD_ROWS = 32;

const POW10 = Array.from({ length: 23 }, (_, k) => Math.pow(10, k));

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
  private cap = 1024;
  private nums: Float64Array | undefined = new Float64Array(1024);
  /** 0 = blank; else bit 7 = written with a minus sign, bits 0-6 = decimals + 1. */
  private fmt: Uint8Array | undefined = new Uint8Array(1024);
  private ids: Int32Array | undefined;
  private dict: Map<string, number> | undefined;
  values: string[] | undefined;

  constructor(blanks: number) {
    for (let i = 0; i < blanks; i++) this.pushBlank();
  }

  private grow(): void {
    this.cap *= 2;
    if (this.numeric) {
      const n = new Float64Array(this.cap);
      n.set(this.nums as Float64Array);
      this.nums = n;
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
      (this.fmt as Uint8Array)[this.length++] = 0;
    } else this.pushText("");
  }

  /** Stores field t[s, e) (q: it starts with a quote). */
  pushField(t: string, s: number, e: number, q: boolean): void {
    if (this.numeric) {
      if (!q && this.pushNumber(t, s, e)) return;
      this.toText();
    }
    this.pushText(q ? unquote(t, s, e) : t.slice(s, e));
  }

  /** A plain decimal that prints back as written (<= 15 digits, no leading zero): stored as a number. */
  private pushNumber(t: string, s: number, e: number): boolean {
    if (this.length === this.cap) this.grow();
    const fmt = this.fmt as Uint8Array;
    if (s === e) {
      fmt[this.length++] = 0;
      return true;
    }
    let i = s;
    let negative = false;
    if (t.charCodeAt(i) === 45) {
      negative = true;
      i++;
    }
    if (t.charCodeAt(i) === 48 && i + 1 < e && t.charCodeAt(i + 1) !== 46) return false; // 007, 00.5
    let m = 0;
    let digits = 0;
    let scale = 0;
    let dot = false;
    for (; i < e; i++) {
      const ch = t.charCodeAt(i) - 48;
      if (ch >= 0 && ch <= 9) {
        m = m * 10 + ch;
        digits++;
        if (dot) scale++;
      } else if (ch === -2 && !dot && digits > 0) dot = true;
      else return false;
    }
    if (digits === 0 || digits > 15 || (dot && scale === 0)) return false;
    const v = scale === 0 ? m : m / POW10[scale];
    (this.nums as Float64Array)[this.length] = negative ? -v : v;
    fmt[this.length++] = (negative ? 128 : 0) | (scale + 1);
    return true;
  }

  private pushText(s: string): void {
    if (this.length === this.cap) this.grow();
    const dict = this.dict as Map<string, number>;
    let id = dict.get(s);
    if (id === undefined) {
      id = (this.values as string[]).length;
      (this.values as string[]).push(s);
      dict.set(s, id);
    }
    (this.ids as Int32Array)[this.length++] = id;
  }

  /** The numbers so far become text (their exact written form), then interned. */
  private toText(): void {
    const n = this.length;
    const texts: string[] = new Array(n);
    for (let i = 0; i < n; i++) texts[i] = this.text(i);
    this.numeric = false;
    this.nums = undefined;
    this.fmt = undefined;
    this.ids = new Int32Array(this.cap);
    this.dict = new Map();
    this.values = [];
    this.length = 0;
    for (let i = 0; i < n; i++) this.pushText(texts[i]);
  }

  /** The text of cell i. */
  text(i: number): string {
    if (!this.numeric) return (this.values as string[])[(this.ids as Int32Array)[i]];
    const f = (this.fmt as Uint8Array)[i];
    if (f === 0) return "";
    const v = Math.abs((this.nums as Float64Array)[i]).toFixed((f & 127) - 1);
    return f & 128 ? "-" + v : v;
  }

  /** Cells from..end into out[at..] as numbers (see Grid.numbers); false when one is not a plain decimal. */
  numbersInto(out: Float64Array, at: number, from: number, allowNegative: boolean): boolean {
    if (this.numeric) {
      const nums = this.nums as Float64Array;
      const fmt = this.fmt as Uint8Array;
      for (let i = from; i < this.length; i++) {
        if (fmt[i] === 0) {
          out[at++] = NaN;
          continue;
        }
        const v = nums[i];
        if (!allowNegative && v < 0) return false;
        out[at++] = v;
      }
      return true;
    }
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

/** A CSV file parsed into columns; implements Grid like CsvGrid. */
export class StreamCsvGrid implements Grid {
  rowCount = 0;
  columnCount = 0;
  delimiter = "";
  private readonly head: string[][] = [];
  private readonly columns: StreamColumn[] = [];
  private d = -1;
  private carry = "";
  // The fields of the record being parsed.
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  private fq = new Uint8Array(64);

  constructor(delimiter?: string) {
    if (delimiter !== undefined) {
      this.delimiter = delimiter;
      this.d = delimiter.charCodeAt(0);
    }
  }

  /** Parses the next piece of text; `final` for the last one (then the grid is complete). */
  feed(text: string, final: boolean): void {
    const t = this.carry + text;
    this.carry = "";
    const n = t.length;
    if (this.d < 0) {
      const k = t.search(/[\r\n]/);
      if (k < 0 && !final) {
        this.carry = t;
        return;
      }
      const first = k < 0 ? t : t.slice(0, k);
      this.delimiter = first.split("\t").length > first.split(",").length ? "\t" : ",";
      this.d = this.delimiter.charCodeAt(0);
    }
    let pos = 0;
    while (pos < n) {
      const end = this.record(t, pos, n, final);
      if (end < 0) {
        this.carry = t.slice(pos);
        return;
      }
      pos = end;
    }
  }

  /** Parses and stores the record at i; returns the position after it, or -1 when it is not all in t yet. */
  private record(t: string, i: number, n: number, final: boolean): number {
    const d = this.d;
    let nf = 0;
    for (;;) {
      const start = i;
      let q = 0;
      if (t.charCodeAt(i) === 34) {
        q = 1;
        i++;
        for (;;) {
          const k = t.indexOf('"', i);
          if (k < 0) {
            if (!final) return -1;
            i = n;
            break;
          }
          if (k + 1 >= n && !final) return -1;
          if (t.charCodeAt(k + 1) === 34) {
            i = k + 2;
            continue;
          }
          i = k + 1;
          break;
        }
      }
      while (i < n) {
        const e = t.charCodeAt(i);
        if (e === d || e === 10 || e === 13) break;
        i++;
      }
      if (i >= n && !final) return -1;
      if (nf === this.fs.length) this.growFields();
      this.fs[nf] = start;
      this.fe[nf] = i;
      this.fq[nf] = q;
      nf++;
      if (i >= n) {
        this.commit(t, nf);
        return n;
      }
      const e = t.charCodeAt(i);
      if (e === d) {
        i++;
        if (i >= n) {
          if (!final) return -1;
          if (nf === this.fs.length) this.growFields();
          this.fs[nf] = n;
          this.fe[nf] = n;
          this.fq[nf] = 0;
          nf++;
          this.commit(t, nf);
          return n;
        }
        continue;
      }
      if (e === 13 && i + 1 >= n && !final) return -1;
      i += e === 13 && t.charCodeAt(i + 1) === 10 ? 2 : 1;
      this.commit(t, nf);
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
  }

  private commit(t: string, nf: number): void {
    if (nf > this.columnCount) this.columnCount = nf;
    if (this.rowCount < HEAD_ROWS) {
      const row = new Array<string>(nf);
      for (let f = 0; f < nf; f++) row[f] = this.fq[f] ? unquote(t, this.fs[f], this.fe[f]) : t.slice(this.fs[f], this.fe[f]);
      this.head.push(row);
    } else {
      const columns = this.columns;
      while (columns.length < nf) columns.push(new StreamColumn(this.rowCount - HEAD_ROWS));
      for (let f = 0; f < nf; f++) columns[f].pushField(t, this.fs[f], this.fe[f], this.fq[f] === 1);
      for (let f = nf; f < columns.length; f++) columns[f].pushBlank();
    }
    this.rowCount++;
  }

  cell(row: number, column: number): string {
    if (row >= this.rowCount) return "";
    if (row < HEAD_ROWS) return this.head[row][column] ?? "";
    const col = this.columns[column];
    return col ? col.text(row - HEAD_ROWS) : "";
  }

  column(column: number, from: number): string[] {
    const out = new Array<string>(Math.max(0, this.rowCount - from));
    let r = from;
    for (; r < this.rowCount && r < HEAD_ROWS; r++) out[r - from] = this.head[r][column] ?? "";
    const col = this.columns[column];
    for (; r < this.rowCount; r++) out[r - from] = col ? col.text(r - HEAD_ROWS) : "";
    return out;
  }

  numbers(column: number, from: number, allowNegative: boolean): Float64Array | undefined {
    const out = new Float64Array(Math.max(0, this.rowCount - from));
    let r = from;
    for (; r < this.rowCount && r < HEAD_ROWS; r++) {
      const v = plainDecimal(this.head[r][column] ?? "", allowNegative);
      if (v === undefined) return undefined;
      out[r - from] = v;
    }
    if (r >= this.rowCount) return out;
    const col = this.columns[column];
    if (!col) {
      out.fill(NaN, r - from);
      return out;
    }
    return col.numbersInto(out, r - from, r - HEAD_ROWS, allowNegative) ? out : undefined;
  }
}

export interface StreamOptions {
  encoding?: Encoding;
  /** Bytes per read (default 1 MiB). */
  chunkSize?: number;
  /** A progress bar on stderr (default: when stderr is a terminal). */
  progress?: boolean;
}

class NotUtf8 extends Error {}

/** Reads a CSV file in chunks into a StreamCsvGrid; see the module comment. */
export function readCsvStream(path: string, options: StreamOptions = {}): { grid: StreamCsvGrid; encoding: Encoding } {
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 20);
  const progress = options.progress ?? process.stderr.isTTY === true;
  const fd = fs.openSync(path, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const bom = Buffer.alloc(3);
    const got = fs.readSync(fd, bom, 0, 3, 0);
    const b = bom.subarray(0, got);
    const pass = (label: string, skip: number, fatal: boolean, stripBom: boolean): StreamCsvGrid => {
      const decoder = new TextDecoder(label, { fatal, ignoreBOM: true });
      const decode = (bytes?: Uint8Array): string => {
        try {
          return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
        } catch (e) {
          if (fatal) throw new NotUtf8();
          throw e;
        }
      };
      const grid = new StreamCsvGrid();
      const buf = Buffer.allocUnsafe(chunkSize);
      const bar = progress ? new ProgressBar(path, size) : undefined;
      let pos = skip;
      let atStart = stripBom;
      try {
        for (;;) {
          const n = fs.readSync(fd, buf, 0, chunkSize, pos);
          if (n === 0) break;
          pos += n;
          let text = decode(buf.subarray(0, n));
          if (atStart && text.length > 0) {
            if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
            atStart = false;
          }
          grid.feed(text, false);
          bar?.update(pos);
        }
        let text = decode();
        if (atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        grid.feed(text, true);
      } finally {
        bar?.done();
      }
      return grid;
    };
    if (options.encoding) {
      const forced = options.encoding;
      const label = forced === "utf-8-bom" ? "utf-8" : forced;
      return { grid: pass(label, forced === "utf-8-bom" ? 3 : 0, false, true), encoding: forced };
    }
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { grid: pass("utf-8", 3, false, false), encoding: "utf-8-bom" };
    if (b[0] === 0xff && b[1] === 0xfe) return { grid: pass("utf-16le", 2, false, false), encoding: "utf-16le" };
    if (b[0] === 0xfe && b[1] === 0xff) return { grid: pass("utf-16be", 2, false, false), encoding: "utf-16be" };
    try {
      return { grid: pass("utf-8", 0, true, false), encoding: "utf-8" };
    } catch (e) {
      if (!(e instanceof NotUtf8)) throw e;
      return { grid: pass("gb18030", 0, false, false), encoding: "gb18030" };
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** `name [=========           ] 42%` on stderr, redrawn when the percentage changes, erased at the end. */
class ProgressBar {
  private shown = -1;
  private readonly name: string;
  constructor(path: string, private readonly size: number) {
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
