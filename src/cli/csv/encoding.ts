/**
 * The encoding of a CSV file without a byte-order mark, decided once per file from evidence,
 * before any part of it is parsed (so the parts parsed on worker threads all read it alike):
 *
 * - every byte of the file is valid UTF-8: UTF-8;
 * - valid UTF-8 but for an incomplete character at the very end: UTF-8 cut short, an error
 *   (the file is not complete; GB18030 would turn every Chinese name into mojibake);
 * - an invalid byte after many UTF-8 characters: damaged UTF-8, an error naming the byte;
 * - else GB18030 (Excel's "ANSI" on Chinese Windows), when the first lines are valid GB18030;
 *   an error naming both encodings when they are not.
 *
 *     decideEncoding(fd, size, "cases.csv")  // { encoding: "gb18030", reason: { en: "... byte 0xD6 at byte 57, line 2 ..." } }
 */
import { isUtf8 } from "buffer";
import * as fs from "fs";
import { CaseMixError, Text } from "../../engine/text";

/** UTF-8 characters of two bytes or more before an invalid byte that make the file UTF-8, damaged. */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** The encodings a CSV can be read in (--encoding). */
export const ENCODINGS: readonly Encoding[] = ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030"];

const UTF8_EVIDENCE = 8;

/** Bytes at the top of the file whose lines must decode (the header is among them). */
const HEAD_BYTES = 64 << 10;

/** Length of the UTF-8 sequence a lead byte starts (0: not a lead byte). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** The second byte's range after lead byte `b` (overlongs and surrogates excluded), as the standard has it. */
function secondByteOk(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return b >= 0x80 && b <= 0xbf;
}

/**
 * The first invalid UTF-8 sequence in b[0, n): its offset and whether it is only cut off by the
 * end (a valid start of a character); -1 when all is valid. Counts multi-byte characters on the way.
 */
export function firstInvalidUtf8(b: Uint8Array, n: number): { at: number; incomplete: boolean; characters: number } {
  let characters = 0;
  for (let i = 0; i < n;) {
    const len = sequenceLength(b[i]);
    if (len === 1) {
      i++;
      continue;
    }
    if (len === 0) return { at: i, incomplete: false, characters };
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return { at: i, incomplete: true, characters };
      const ok = k === 1 ? secondByteOk(b[i], b[i + k]) : b[i + k] >= 0x80 && b[i + k] <= 0xbf;
      if (!ok) return { at: i, incomplete: false, characters };
    }
    characters++;
    i += len;
  }
  return { at: -1, incomplete: false, characters };
}

/** The 1-based line of byte `offset` (line feeds before it; carriage returns in a file without any). */
export function lineAt(fd: number, offset: number): number {
  const chunk = Buffer.allocUnsafe(1 << 20);
  let lf = 0;
  let cr = 0;
  for (let pos = 0; pos < offset;) {
    const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, offset - pos), pos);
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      if (chunk[i] === 10) lf++;
      else if (chunk[i] === 13) cr++;
    }
    pos += n;
  }
  return 1 + (lf > 0 ? lf : cr);
}

const hex = (b: number) => "0x" + b.toString(16).toUpperCase().padStart(2, "0");

export interface EncodingDecision {
  encoding: "utf-8" | "gb18030";
  /** Why, for the line shown on a terminal. */
  reason: Text;
}

/** Where the first invalid UTF-8 byte is, or undefined when the whole file (from `skip`) is UTF-8. */
function scanUtf8(
  fd: number,
  size: number,
): { at: number; byte: number; incomplete: boolean; characters: number } | undefined {
  const chunk = Buffer.allocUnsafe(1 << 20);
  let characters = 0;
  let carry = 0;
  for (let pos = 0; pos < size;) {
    const n = carry + fs.readSync(fd, chunk, carry, chunk.length - carry, pos);
    if (n === carry) break;
    const end = pos + n - carry;
    const last = end >= size;
    // Up to 3 bytes of a character the next chunk completes are carried over.
    let cut = n;
    if (!last) for (let k = 1; k <= 3 && n - k >= 0; k++) if (sequenceLength(chunk[n - k]) > k) cut = n - k;
    if (!isUtf8(chunk.subarray(0, cut)) || characters < UTF8_EVIDENCE) {
      const found = firstInvalidUtf8(chunk, cut);
      if (found.at >= 0) {
        const at = pos - carry + found.at;
        return { at, byte: chunk[found.at], incomplete: found.incomplete, characters: characters + found.characters };
      }
      characters += found.characters;
    }
    chunk.copy(chunk, 0, cut, n);
    carry = n - cut;
    pos = end;
  }
  return undefined;
}

/** The encoding of a file without a byte-order mark; see the module comment. */
export function decideEncoding(fd: number, size: number, path: string): EncodingDecision {
  const bad = scanUtf8(fd, size);
  if (bad === undefined) {
    return {
      encoding: "utf-8",
      reason: { en: "every byte is valid UTF-8", zh: "所有字节均为合法 UTF-8" },
    };
  }
  const line = lineAt(fd, bad.at);
  if (bad.incomplete) {
    throw new CaseMixError("value", {
      en: `${path}: the file ends in the middle of a UTF-8 character (byte ${bad.at + 1} of ${size}, line ${line}): it was cut short, probably an interrupted download or copy; get it again (or read it anyway with --encoding utf8)`,
      zh: `${path}：文件在一个 UTF-8 字符的中间结束（共 ${size} 字节，第 ${bad.at + 1} 字节，第 ${line} 行）：文件不完整，可能是下载或复制中断；请重新获取（或用 --encoding utf8 仍按 UTF-8 读取）`,
    });
  }
  if (bad.characters >= UTF8_EVIDENCE) {
    throw new CaseMixError("value", {
      en: `${path}: not valid UTF-8 at byte ${bad.at + 1} (line ${line}: ${hex(bad.byte)}), though it is UTF-8 before that (${bad.characters} characters): the file is damaged there; fix that line, or give --encoding utf8 (the bad byte is read as �) or --encoding gb18030`,
      zh: `${path}：第 ${bad.at + 1} 字节（第 ${line} 行：${hex(bad.byte)}）不是合法的 UTF-8，而此前的内容是 UTF-8（${bad.characters} 个字符）：文件在此处损坏；请修正该行，或用 --encoding utf8（坏字节读作 �）或 --encoding gb18030 指定编码`,
    });
  }
  const where = {
    en: `not UTF-8: byte ${hex(bad.byte)} at byte ${bad.at + 1}, line ${line}`,
    zh: `不是 UTF-8：第 ${line} 行第 ${bad.at + 1} 字节为 ${hex(bad.byte)}`,
  };
  if (!gb18030Head(fd, size)) {
    throw new CaseMixError("value", {
      en: `${path}: the first lines are neither UTF-8 (${where.en}) nor GB18030; give the file's encoding with --encoding utf8, gb18030 or utf-16le`,
      zh: `${path}：开头几行既不是 UTF-8（${where.zh}），也不是 GB18030；请用 --encoding utf8、gb18030 或 utf-16le 指定文件编码`,
    });
  }
  return { encoding: "gb18030", reason: where };
}

/** The top of the file (whole lines of its first 64 KiB) decodes as GB18030 without an error. */
function gb18030Head(fd: number, size: number): boolean {
  const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES));
  const n = fs.readSync(fd, head, 0, head.length, 0);
  const lf = n < size ? head.subarray(0, n).lastIndexOf(10) : n - 1;
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(head.subarray(0, lf + 1));
    return true;
  } catch {
    return false;
  }
}
