/**
 * A part of a large file parsed on its own (by a worker thread, see parallel.ts): the job and its result.
 */
import * as fs from "fs";
import type { MessagePort } from "worker_threads";
import { ByteEncoding, decoderOf, parseBytes } from "./parseBytes";
import { GridPart, StreamCsvGrid, UnterminatedQuote } from "./streamGrid";

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

/** What a worker is given: the job, a port for the result and a flag it sets when the result is posted. */
export interface WorkerData {
  job: PartJob;
  port: MessagePort;
  done: Int32Array;
}
