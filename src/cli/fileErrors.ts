/**
 * File-system failures as messages naming the file, in English and Chinese, instead of Node's
 * stack traces: a missing file, a folder where a file is wanted, no permission, a full disk.
 *
 *     fileError(Object.assign(new Error(), { code: "EACCES" }), "cases.csv", "read").messageIn("en")
 *     // "cases.csv: permission denied (cannot read it); check the file's permissions"
 */
import * as fs from "fs";
import { CaseMixError, Text } from "../engine/text";

export type FileAction = "read" | "write";

/** The message for an error thrown by `fs` on `file`; the error's own text when its code is not known. */
export function fileError(e: unknown, file: string, action: FileAction): CaseMixError {
  if (e instanceof CaseMixError) return e;
  const code = (e as { code?: string } | undefined)?.code;
  const verb = action === "read" ? { en: "read", zh: "读取" } : { en: "write", zh: "写入" };
  const known: Record<string, Text> = {
    ENOENT: { en: `${file}: no such file`, zh: `${file}：文件不存在` },
    EISDIR: {
      en: `${file} is a folder, not a file; give the file in it`,
      zh: `${file} 是文件夹而不是文件；请给出其中的文件`,
    },
    ENOTDIR: { en: `${file}: a part of the path is not a folder`, zh: `${file}：路径中有一部分不是文件夹` },
    EACCES: {
      en: `${file}: permission denied (cannot ${verb.en} it); check the file's permissions`,
      zh: `${file}：没有权限（无法${verb.zh}）；请检查文件权限`,
    },
    EPERM: {
      en: `${file}: operation not permitted (cannot ${verb.en} it); check the file's permissions`,
      zh: `${file}：操作不被允许（无法${verb.zh}）；请检查文件权限`,
    },
    EROFS: { en: `${file}: the disk is read-only`, zh: `${file}：磁盘为只读` },
    ENOSPC: { en: `${file}: the disk is full; nothing was written`, zh: `${file}：磁盘已满；未写入任何内容` },
    EIO: {
      en: `${file}: the disk reported an error (I/O error) while trying to ${verb.en} it`,
      zh: `${file}：${verb.zh}时磁盘报告错误（I/O 错误）`,
    },
  };
  if (code !== undefined && known[code]) return new CaseMixError("value", known[code]);
  const text = e instanceof Error ? e.message : String(e);
  return new CaseMixError("value", {
    en: `${file}: could not ${verb.en} it: ${text}`,
    zh: `${file}：无法${verb.zh}：${text}`,
  });
}

/**
 * Checks that `file` is a file that can be opened for reading (not missing, not a folder, not
 * forbidden) and returns its size; reading it may still fail later, and says so then.
 */
export function checkInputFile(file: string, open: typeof fs.openSync = fs.openSync): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw fileError(e, file, "read");
  }
  if (stat.isDirectory()) throw fileError(Object.assign(new Error(), { code: "EISDIR" }), file, "read");
  try {
    fs.closeSync(open(file, "r"));
  } catch (e) {
    throw fileError(e, file, "read");
  }
  return stat.size;
}
