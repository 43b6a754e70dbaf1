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
 * The parts, one concern each: encoding.ts (which encoding), delimiter.ts, headRows.ts (the top
 * rows and the columns kept), cellText.ts (a cell's written form), streamColumn.ts and
 * streamGrid.ts (the storage), parseBytes.ts (feeding the bytes), part.ts, parallel.ts and
 * worker.ts (large files on worker threads), progressBar.ts.
 *
 *     readCsvStream("cases.csv").grid.numbers(8, 1, false)  // Float64Array of 住院总费用
 */
import * as fs from "fs";
import * as os from "os";
import { CaseMixError, Text } from "../../engine/text";
import { decideEncoding, Encoding, lineAt } from "./encoding";
import { checkDelimiter } from "./delimiter";
import type { KeepColumns } from "./headRows";
import { parseParallel } from "./parallel";
import { ByteEncoding, decodeUtf8, decoderOf, parseBytes } from "./parseBytes";
import { ProgressBar } from "./progressBar";
import { StreamCsvGrid, UnterminatedQuote } from "./streamGrid";

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
