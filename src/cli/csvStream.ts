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
import { isUtf8 } from "buffer";
import * as fs from "fs";
import type { Grid, IndexedCells } from "../engine/caseTable";
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

  /** Stores field b[s, e) (q: it starts with a quote); dec decodes bytes of the file's encoding. */
  pushField(b: Uint8Array, s: number, e: number, q: boolean, dec: Decode): void {
    if (this.numeric) {
      if (!q && this.pushNumber(b, s, e)) return;
      this.toText();
    }
    if (q) {
      const t = dec(b, s, e);
      this.pushText(unquote(t, 0, t.length));
    } else this.pushBytes(b, s, e, dec);
  }

  /** A plain decimal that prints back as written (<= 15 digits, no leading zero): stored as a number. */
  private pushNumber(b: Uint8Array, s: number, e: number): boolean {
    if (this.length === this.cap) this.grow();
    const fmt = this.fmt as Uint8Array;
    if (s === e) {
      fmt[this.length++] = 0;
      return true;
    }
    let i = s;
    let negative = false;
    if (b[i] === 45) {
      negative = true;
      i++;
    }
    if (b[i] === 48 && i + 1 < e && b[i + 1] !== 46) return false; // 007, 00.5
    let m = 0;
    let digits = 0;
    let scale = 0;
    let dot = false;
    for (; i < e; i++) {
      const ch = b[i] - 48;
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

  /** The interned text cells (ids into `values`), or undefined while the column is numeric. */
  textCells(): { ids: Int32Array; values: string[] } | undefined {
    return this.numeric ? undefined : { ids: this.ids as Int32Array, values: this.values as string[] };
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
  private readonly columns: StreamColumn[] = [];
  private d = -1;
  // The fields of the record being parsed.
  private fs = new Int32Array(64);
  private fe = new Int32Array(64);
  private fq = new Uint8Array(64);

  constructor(private readonly dec: Decode) {}

  /**
   * Parses the complete records of b[0, n) (all of it when `final`) and returns how many bytes
   * they take: the caller keeps the rest and feeds it again with more bytes after it.
   */
  feed(b: Uint8Array, n: number, final: boolean): number {
    if (this.d < 0) {
      let k = 0;
      while (k < n && b[k] !== 10 && b[k] !== 13) k++;
      if (k === n && !final) return 0;
      let tabs = 0;
      let commas = 0;
      for (let i = 0; i < k; i++) {
        if (b[i] === 9) tabs++;
        else if (b[i] === 44) commas++;
      }
      this.delimiter = tabs > commas ? "\t" : ",";
      this.d = this.delimiter.charCodeAt(0);
    }
    let pos = 0;
    while (pos < n) {
      const end = this.record(b, pos, n, final);
      if (end < 0) return pos;
      pos = end;
    }
    return pos;
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
            i = n;
            break;
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
      while (i < n) {
        const e = b[i];
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
  }

  private commit(b: Uint8Array, nf: number): void {
    if (nf > this.columnCount) this.columnCount = nf;
    const dec = this.dec;
    if (this.rowCount < HEAD_ROWS) {
      const row = new Array<string>(nf);
      for (let f = 0; f < nf; f++) {
        const t = dec(b, this.fs[f], this.fe[f]);
        row[f] = this.fq[f] ? unquote(t, 0, t.length) : t;
      }
      this.head.push(row);
    } else {
      const columns = this.columns;
      while (columns.length < nf) columns.push(new StreamColumn(this.rowCount - HEAD_ROWS));
      for (let f = 0; f < nf; f++) columns[f].pushField(b, this.fs[f], this.fe[f], this.fq[f] === 1, dec);
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

  /** See Grid.codes: the head rows' cells, then the column's dictionary; undefined for a numeric column. */
  codes(column: number, from: number): IndexedCells | undefined {
    const col = this.columns[column];
    const text = col?.textCells();
    if (from > HEAD_ROWS || (this.rowCount > HEAD_ROWS && text === undefined)) return undefined;
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
    for (; r < this.rowCount && r < HEAD_ROWS; r++) rawIndex[r - from] = indexOf(this.head[r][column] ?? "");
    if (text !== undefined && r < this.rowCount) {
      const remap = new Int32Array(text.values.length);
      for (let k = 0; k < remap.length; k++) remap[k] = indexOf(text.values[k]);
      const ids = text.ids;
      for (; r < this.rowCount; r++) rawIndex[r - from] = remap[ids[r - HEAD_ROWS]];
    }
    return { rawIndex, distinct };
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

const decodeUtf8: Decode = (b, s, e) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8", s, e);
const GB18030 = new TextDecoder("gb18030", { ignoreBOM: true });
const decodeGb18030: Decode = (b, s, e) => GB18030.decode(b.subarray(s, e));

/** Reads a CSV file in chunks into a StreamCsvGrid; see the module comment. */
export function readCsvStream(path: string, options: StreamOptions = {}): { grid: StreamCsvGrid; encoding: Encoding } {
  const chunkSize = Math.max(1, options.chunkSize ?? 1 << 20);
  const progress = options.progress ?? process.stderr.isTTY === true;
  const fd = fs.openSync(path, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const start = Buffer.alloc(4);
    const b = start.subarray(0, fs.readSync(fd, start, 0, 4, 0));
    const utf8Bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
    /**
     * One pass over the file from byte `skip`: UTF-8 (checked when `check`: NotUtf8 at the first
     * invalid byte) or GB18030 bytes are parsed as they are; UTF-16 is decoded (streaming) and
     * parsed as UTF-8.
     */
    const pass = (kind: "utf-8" | "gb18030" | "utf-16le" | "utf-16be", skip: number, check: boolean): StreamCsvGrid => {
      const grid = new StreamCsvGrid(kind === "gb18030" ? decodeGb18030 : decodeUtf8);
      const chunk = Buffer.allocUnsafe(chunkSize);
      let buf = Buffer.allocUnsafe(chunkSize * 2);
      let len = 0;
      let pos = skip;
      const utf16 = kind === "utf-16le" || kind === "utf-16be" ? new TextDecoder(kind, { ignoreBOM: true }) : undefined;
      let atStart = true;
      const bar = progress ? new ProgressBar(path, size) : undefined;
      const append = (bytes: Uint8Array) => {
        if (len + bytes.length > buf.length) {
          const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, len + bytes.length));
          buf.copy(bigger, 0, 0, len);
          buf = bigger;
        }
        buf.set(bytes, len);
        len += bytes.length;
      };
      const parse = (final: boolean) => {
        const used = grid.feed(buf, len, final);
        if (check && !isUtf8(buf.subarray(0, used))) throw new NotUtf8();
        buf.copy(buf, 0, used, len);
        len -= used;
      };
      try {
        for (;;) {
          const n = fs.readSync(fd, chunk, 0, chunkSize, pos);
          if (n === 0) break;
          pos += n;
          if (utf16) {
            let text = utf16.decode(chunk.subarray(0, n), { stream: true });
            if (atStart && text.length > 0) {
              if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
              atStart = false;
            }
            append(Buffer.from(text, "utf8"));
          } else append(chunk.subarray(0, n));
          parse(false);
          bar?.update(pos);
        }
        if (utf16) {
          const text = utf16.decode();
          append(Buffer.from(atStart && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, "utf8"));
        }
        parse(true);
      } finally {
        bar?.done();
      }
      return grid;
    };
    const forced = options.encoding;
    if (forced === "utf-8" || forced === "utf-8-bom")
      return { grid: pass("utf-8", forced === "utf-8-bom" || utf8Bom ? 3 : 0, false), encoding: forced };
    if (forced === "gb18030") {
      const gbBom = b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33;
      return { grid: pass("gb18030", gbBom ? 4 : 0, false), encoding: forced };
    }
    if (forced) return { grid: pass(forced, 0, false), encoding: forced };
    if (utf8Bom) return { grid: pass("utf-8", 3, false), encoding: "utf-8-bom" };
    if (b[0] === 0xff && b[1] === 0xfe) return { grid: pass("utf-16le", 2, false), encoding: "utf-16le" };
    if (b[0] === 0xfe && b[1] === 0xff) return { grid: pass("utf-16be", 2, false), encoding: "utf-16be" };
    try {
      return { grid: pass("utf-8", 0, true), encoding: "utf-8" };
    } catch (e) {
      if (!(e instanceof NotUtf8)) throw e;
      return { grid: pass("gb18030", 0, false), encoding: "gb18030" };
    }
  } finally {
    fs.closeSync(fd);
  }
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
