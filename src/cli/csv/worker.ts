/**
 * A worker thread of the CSV reader (parallel.ts `parseParallel`): parses its part of the
 * file and posts the columns back (their arrays transferred, not copied), then sets the flag
 * the reading thread waits on.
 */
import { workerData } from "worker_threads";
import { parsePart, WorkerData } from "./part";

const { job, port, done } = workerData as WorkerData;
const result = parsePart(job);
const transfer: ArrayBuffer[] = [];
for (const c of result.part?.columns ?? [])
  for (const a of [c?.nums, c?.fmt, c?.ids]) if (a) transfer.push(a.buffer as ArrayBuffer);
if (result.part?.dropped) transfer.push(result.part.dropped.buffer as ArrayBuffer);
if (result.part?.widths) transfer.push(result.part.widths.buffer as ArrayBuffer);
port.postMessage(result, transfer);
port.close();
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
