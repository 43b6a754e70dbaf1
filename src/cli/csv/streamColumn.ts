/**
 * One column of a streamed CSV below its head rows: numeric while every cell is a plain decimal,
 * then interned text.
 */
import { Decode, NOT_PLAIN, numberText, plainDecimal, unquote } from "./cellText";

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

/** One column below the head rows: numeric while it can be, then interned text. */
export class StreamColumn {
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
