/**
 * The text of a cell as the file wrote it: unquoting, plain decimals stored as numbers and their
 * written form back, blank fields.
 */

/** A field's written form that is not a plain decimal stored as a number (see StreamCsvGrid.record). */
export const NOT_PLAIN = 255;

export const POW10 = Array.from({ length: 23 }, (_, k) => Math.pow(10, k));

/** A field with nothing but spaces, tabs and quotes in it (a left-out field taken as blank). */
export function blankBytes(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 34) return false;
  }
  return true;
}

/** The written form of a stored number (see StreamColumn.fmt). */
export function numberText(v: number, f: number): string {
  if (f === 0) return "";
  const t = Math.abs(v).toFixed((f & 127) - 1);
  return f & 128 ? "-" + t : t;
}

/** A quoted field's text: `"a ""b"" c"tail` -> `a "b" ctail` (text after the closing quote kept, as Excel does). */
export function unquote(t: string, s: number, e: number): string {
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
  return plainDecimalAt(s, 0, s.length, allowNegative);
}

/** plainDecimal of text[start, end), without cutting it out (CsvGrid reads its cells in place). */
export function plainDecimalAt(text: string, start: number, end: number, allowNegative: boolean): number | undefined {
  if (end === start) return NaN;
  let i = start;
  let negative = false;
  if (text.charCodeAt(i) === 45 /* - */) {
    negative = true;
    i++;
  }
  let m = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const ch = text.charCodeAt(i) - 48;
    if (ch >= 0 && ch <= 9) {
      m = m * 10 + ch;
      digits++;
      if (dot) scale++;
    } else if (ch === -2 /* . */ && !dot && digits > 0) dot = true;
    else return undefined;
  }
  if (digits === 0 || (dot && scale === 0)) return undefined;
  let v = digits <= 15 ? (scale === 0 ? m : m / POW10[scale]) : Number(text.slice(start + (negative ? 1 : 0), end));
  if (negative) {
    if (!allowNegative && v !== 0) return undefined;
    v = -v;
  }
  return v;
}

/** Decodes bytes b[s, e) of the file's encoding. */
export type Decode = (b: Uint8Array, s: number, e: number) => string;
