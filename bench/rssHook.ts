/**
 * Loaded with `node --require` into a process whose peak memory the benchmark wants: at exit
 * it writes the peak resident set size in kilobytes to the file named by BENCH_RSS_FILE.
 */
import * as fs from "fs";

process.on("exit", () => {
  const file = process.env.BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
