/**
 * Parsing a large CSV in parts at once on worker threads (worker.ts), with the result of one
 * sequential pass.
 */
import * as fs from "fs";
import { join } from "path";
import { MessageChannel, receiveMessageOnPort, Worker } from "worker_threads";
import { CaseMixError } from "../../engine/text";
import { delimiterOf } from "./delimiter";
import { HEAD_ROWS, KeepColumns, chosen } from "./headRows";
import { ByteEncoding, decoderOf, parseBytes } from "./parseBytes";
import type { PartJob, PartResult, WorkerData } from "./part";
import { StreamCsvGrid } from "./streamGrid";

/** How much more than a worker's share of the file the reading thread parses (see `parseParallel`). */
const MAIN_SHARE_BONUS = 0.15;

/** Below this many bytes a file is parsed in one thread (starting a worker costs more). */
const PARALLEL_MIN_BYTES = 8 << 20;

/** The compiled worker (build/cli/csv/worker.js, beside this module); absent when this module runs from TypeScript (tests). */
export const WORKER_SCRIPT = join(__dirname, "worker.js");

/** Starts parsing a part; the function it returns waits for the result. */
export type PartRunner = (job: PartJob) => { result: () => PartResult; stop: () => void };

/** Each part in a worker thread (worker.ts); the reading thread blocks on the flag, then takes the message. */
const inWorker: PartRunner = (job) => {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData = { job, port: port2, done };
  const worker = new Worker(WORKER_SCRIPT, { workerData: data, transferList: [port2] });
  worker.unref();
  return {
    result: () => {
      while (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0, 1000);
      return (receiveMessageOnPort(port1)?.message as PartResult | undefined) ?? { error: "no result" };
    },
    stop: () => {
      void worker.terminate();
      port1.close();
    },
  };
};

export interface ParallelOptions {
  threads: number;
  chunkSize: number;
  /** Smaller files are left to one thread (default 8 MiB). */
  minBytes?: number;
  /** How the parts after the first are parsed (default: worker threads, when compiled). */
  runner?: PartRunner;
  onRead?: (pos: number) => void;
  /** The columns to keep (see StreamOptions.keep). */
  keep?: KeepColumns;
}

/**
 * Parses a large file in parts at once: the file is cut after a line feed near each of
 * `threads` shares (the first a little larger); this thread parses the first part, a worker each other one, and
 * the parts are appended in order. A part is taken only when the one before it ended exactly
 * where it starts, which a sequential parse then does too (a record boundary is a plain
 * start of record); when a quoted field spans a cut, the rest is parsed here from where the
 * previous part stopped. The result is the grid one sequential pass gives. Undefined when the
 * file is too small, has no line feed in its first MiB, or the worker script is not compiled.
 */
export function parseParallel(
  file: string,
  fd: number,
  kind: ByteEncoding,
  range: { skip: number; size: number },
  o: ParallelOptions,
): StreamCsvGrid | undefined {
  const { skip, size } = range;
  const runner = o.runner ?? (fs.existsSync(WORKER_SCRIPT) ? inWorker : undefined);
  if (o.threads < 2 || size - skip < (o.minBytes ?? PARALLEL_MIN_BYTES) || !runner) return undefined;
  const probe = Buffer.allocUnsafe(Math.min(1 << 20, size - skip));
  const head = probe.subarray(0, fs.readSync(fd, probe, 0, probe.length, skip));
  const delimiter = head.indexOf(10) >= 0 ? delimiterOf(head, head.length, false) : undefined;
  if (delimiter === undefined) return undefined;
  // The columns to keep, chosen from the head rows as one pass chooses them (the probe must hold them).
  let keep = typeof o.keep === "function" ? undefined : o.keep;
  if (typeof o.keep === "function") {
    // Nothing below the head rows is stored (keep none): only they are wanted here.
    const top = new StreamCsvGrid(decoderOf(kind), { delimiter, keep: [] });
    top.feed(head, head.length, head.length === size - skip);
    if (top.rowCount <= HEAD_ROWS && head.length < size - skip) return undefined;
    keep = chosen(o.keep, top.headRowCells());
  }
  // This thread's part is a little larger: a worker starts some 40 ms later (its own start-up).
  const shares = o.threads + MAIN_SHARE_BONUS;
  const cuts = [skip];
  for (let j = 1; j < o.threads; j++) {
    const at = skip + Math.floor(((size - skip) * (j + MAIN_SHARE_BONUS)) / shares);
    const lf = probe.subarray(0, fs.readSync(fd, probe, 0, probe.length, at)).indexOf(10);
    if (lf >= 0 && at + lf + 1 > cuts[cuts.length - 1] && at + lf + 1 < size) cuts.push(at + lf + 1);
  }
  cuts.push(size);
  if (cuts.length < 3) return undefined;
  const parts: ReturnType<PartRunner>[] = [];
  try {
    for (let k = 1; k + 1 < cuts.length; k++) {
      const final = k + 2 === cuts.length;
      parts.push(
        runner({
          path: file,
          start: cuts[k],
          end: cuts[k + 1],
          final,
          kind,
          delimiter,
          chunkSize: o.chunkSize,
          keep,
        }),
      );
    }
  } catch {
    // A worker could not be started (a limit of the machine): one pass instead.
    for (const p of parts) p.stop();
    return undefined;
  }
  try {
    const grid = new StreamCsvGrid(decoderOf(kind), { expectedBytes: size - skip, keep });
    let parsed = parseBytes(fd, grid, { start: skip, end: cuts[1], final: false }, o.chunkSize, o.onRead);
    for (let k = 0; k < parts.length; k++) {
      if (parsed !== cuts[k + 1] || grid.rowCount < HEAD_ROWS) break;
      const result = parts[k].result();
      if (result.unterminated) break;
      if (result.part === undefined || result.parsed === undefined)
        throw new CaseMixError("value", {
          en: `${file}: reading part ${k + 1} on a worker thread failed: ${result.error ?? "no result"}`,
          zh: `${file}：在工作线程中读取第 ${k + 1} 部分失败：${result.error ?? "没有结果"}`,
        });
      grid.appendPart(result.part);
      parsed = result.parsed;
    }
    if (parsed < size) parseBytes(fd, grid, { start: parsed, end: size, final: true }, o.chunkSize);
    return grid;
  } finally {
    for (const p of parts) p.stop();
  }
}
