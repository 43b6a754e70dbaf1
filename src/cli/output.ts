/**
 * Where the command line writes (`--out`): nothing the user owns is replaced without `--force`,
 * never an input file (even with `--force`), and a file is written to a temporary name in the
 * same folder and renamed over the target, so that a failure half-way leaves the old file whole
 * and no half-written one.
 *
 *     checkOutput("report.xlsx", { force: false, inputs: ["cases.csv"] });  // throws when report.xlsx exists
 *     await writeAtomically("report.xlsx", (tmp) => writeXlsx(model, tmp));
 */
import * as fs from "fs";
import * as path from "path";
import { CaseMixError } from "../engine/text";
import { fileError } from "./fileErrors";

/** The same file: same device and inode (symlinks, hard links, `./a` vs `a`, another letter case). */
function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Checks that `out` may be written: not an input file, not a folder, not an existing file
 * unless `force`, not a read-only file. Call before reading the inputs, so a refusal costs nothing.
 */
export function checkOutput(out: string, o: { force: boolean; inputs: readonly (string | undefined)[] }): void {
  const target = statOrUndefined(out);
  if (target === undefined) return;
  for (const input of o.inputs) {
    const s = input === undefined ? undefined : statOrUndefined(input);
    if (s && sameFile(s, target)) {
      throw new CaseMixError("value", {
        en: `--out ${out} is the input file ${input}; writing there would destroy the data (not even with --force): choose another file`,
        zh: `--out ${out} 就是输入文件 ${input}；写入会毁掉数据（即使加 --force 也不允许）：请换一个输出文件`,
      });
    }
  }
  if (target.isDirectory()) {
    throw new CaseMixError("value", {
      en: `--out ${out} is a folder; give a file name, e.g. ${path.join(out, "report.xlsx")}`,
      zh: `--out ${out} 是文件夹；请给出文件名，例如 ${path.join(out, "report.xlsx")}`,
    });
  }
  if (!o.force) {
    throw new CaseMixError("value", {
      en: `--out ${out} already exists; add --force to replace it, or choose another file`,
      zh: `--out ${out} 已存在；如要覆盖请加 --force，或换一个输出文件`,
    });
  }
  if ((target.mode & 0o222) === 0) {
    throw new CaseMixError("value", {
      en: `--out ${out} is read-only; it is not replaced, even with --force (make it writable first)`,
      zh: `--out ${out} 是只读文件；即使加 --force 也不覆盖（请先取消只读）`,
    });
  }
}

/**
 * Writes `out` through `write(tmp)` to a temporary file beside it, then renames it over `out`
 * (creating the folder when needed); on any failure the temporary file is removed and `out`
 * is as it was.
 */
export async function writeAtomically(out: string, write: (tmp: string) => Promise<void> | void): Promise<void> {
  const dir = path.dirname(out);
  try {
    if (dir && !fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fileError(e, dir, "write");
  }
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e instanceof CaseMixError ? e : fileError(e, out, "write");
  }
}
