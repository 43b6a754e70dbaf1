/**
 * Feeding the bytes of a file to a StreamCsvGrid in chunks, in UTF-8 or GB18030.
 */
import * as fs from "fs";
import type { Decode } from "./cellText";
import { StreamCsvGrid, UnterminatedQuote } from "./streamGrid";

export const decodeUtf8: Decode = (b, s, e) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8", s, e);
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
