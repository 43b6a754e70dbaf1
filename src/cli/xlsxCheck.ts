/**
 * Is this file a whole .xlsx workbook? An .xlsx is a zip archive whose directory (the central
 * directory and its end record) is the last thing in the file, so a file cut short (an
 * interrupted download or copy) has lost it: checked before the streaming reader starts, which
 * on such a file either fails deep inside unzipper or simply stops, with no error at all.
 *
 *     checkXlsxFile("cases.xlsx")  // throws "cases.xlsx is cut short ..." for a truncated copy
 */
import * as fs from "fs";
import { CaseMixError } from "../engine/text";
import { checkInputFile } from "./fileErrors";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const END_SEARCH = 22 + 0xffff;

function notWorkbook(path: string, en: string, zh: string): CaseMixError {
  return new CaseMixError("value", { en: `${path} ${en}`, zh: `${path} ${zh}` });
}

function cutShort(path: string, size: number, what: Record<"en" | "zh", string>): CaseMixError {
  return notWorkbook(
    path,
    `is cut short (${size} bytes): ${what.en}; the download or copy was probably interrupted — get the file again`,
    `不完整（${size} 字节）：${what.zh}；可能是下载或复制中断，请重新获取该文件`,
  );
}

/** Text a CSV could be: no NUL bytes and mostly printable in its first bytes. */
function looksLikeText(b: Buffer): boolean {
  return b.length > 0 && !b.includes(0) && /[,;\t\r\n]/.test(b.toString("latin1"));
}

/** Throws a message naming the file when it is not a complete .xlsx (zip) archive. */
export function checkXlsxFile(path: string): void {
  const size = checkInputFile(path);
  if (size === 0) throw notWorkbook(path, "is empty (0 bytes), not a workbook", "是空文件（0 字节），不是工作簿");
  const fd = fs.openSync(path, "r");
  try {
    const head = Buffer.alloc(Math.min(size, 512));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.length < 4 || head.readUInt32LE(0) !== LOCAL_HEADER) {
      if (head.length >= 4 && head.readUInt32LE(0) === 0xe011cfd0)
        throw notWorkbook(
          path,
          "is an old .xls workbook or a password-protected one, not an .xlsx; save it as .xlsx (without a password) or CSV",
          "是旧的 .xls 工作簿或加密的工作簿，不是 .xlsx；请另存为无密码的 .xlsx 或 CSV",
        );
      if (looksLikeText(head))
        throw notWorkbook(
          path,
          "is not an .xlsx workbook: it holds text (a CSV file named .xlsx?); rename it to .csv",
          "不是 .xlsx 工作簿：其内容是文本（是否为改名为 .xlsx 的 CSV 文件？）；请将扩展名改为 .csv",
        );
      throw notWorkbook(
        path,
        "is not an .xlsx workbook (it is not a zip archive)",
        "不是 .xlsx 工作簿（不是 zip 压缩包）",
      );
    }
    checkDirectory(path, fd, size);
  } finally {
    fs.closeSync(fd);
  }
}

/** The end record must be there, and every entry the directory lists must lie before the directory. */
function checkDirectory(path: string, fd: number, size: number): void {
  const tailLength = Math.min(size, END_SEARCH);
  const tail = Buffer.alloc(tailLength);
  fs.readSync(fd, tail, 0, tailLength, size - tailLength);
  let end = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY && i + 22 + tail.readUInt16LE(i + 20) <= tailLength) {
      end = i;
      break;
    }
  }
  if (end < 0)
    throw cutShort(path, size, {
      en: "the end of the zip archive (its directory) is missing",
      zh: "缺少 zip 压缩包的结尾（文件目录）",
    });
  const endAt = size - tailLength + end;
  const entries = tail.readUInt16LE(end + 10);
  const dirSize = tail.readUInt32LE(end + 12);
  const dirAt = tail.readUInt32LE(end + 16);
  if (dirAt === 0xffffffff || dirSize === 0xffffffff) return; // Zip64: left to the reader
  if (dirAt + dirSize > endAt)
    throw cutShort(path, size, {
      en: `the zip directory should start at byte ${dirAt}, past what is there`,
      zh: `zip 文件目录应从第 ${dirAt} 字节开始，超出了文件实际内容`,
    });
  const dir = Buffer.alloc(dirSize);
  fs.readSync(fd, dir, 0, dirSize, dirAt);
  for (let i = 0, k = 0; k < entries; k++) {
    if (i + 46 > dir.length || dir.readUInt32LE(i) !== CENTRAL_HEADER)
      throw notWorkbook(
        path,
        `is damaged: entry ${k + 1} of the zip directory is unreadable`,
        `已损坏：zip 文件目录的第 ${k + 1} 项无法读取`,
      );
    const compressed = dir.readUInt32LE(i + 20);
    const local = dir.readUInt32LE(i + 42);
    if (compressed !== 0xffffffff && local !== 0xffffffff && local + 30 + compressed > dirAt)
      throw cutShort(path, size, {
        en: `entry ${k + 1} of the zip directory runs past the data there is`,
        zh: `zip 文件目录的第 ${k + 1} 项超出了实际数据`,
      });
    i += 46 + dir.readUInt16LE(i + 28) + dir.readUInt16LE(i + 30) + dir.readUInt16LE(i + 32);
  }
}

/** An error of the zip or XML reader, as a message naming the file and how far reading got. */
export function damaged(path: string, at: { sheet: string; row: number }, e: unknown): CaseMixError {
  if (e instanceof CaseMixError) return e;
  const why = e instanceof Error ? e.message : String(e);
  const where = at.sheet
    ? {
        en: ` (reading stopped in sheet "${at.sheet}" after row ${at.row})`,
        zh: `（读到工作表“${at.sheet}”第 ${at.row} 行后中断）`,
      }
    : { en: "", zh: "" };
  return notWorkbook(
    path,
    `could not be read completely: the workbook is damaged (${why})${where.en}; open and save it again in Excel, or get it again`,
    `无法完整读取：工作簿已损坏（${why}）${where.zh}；请在 Excel 中打开后重新保存，或重新获取该文件`,
  );
}

/**
 * The promise's result, or an error when it never settles: a stream that stops waiting for data
 * that never comes leaves Node nothing to do, and it would exit with code 0 in silence.
 */
export function untilStalled<T>(p: Promise<T>): Promise<T> {
  let onIdle: () => void = () => undefined;
  const stalled = new Promise<never>((_, reject) => {
    onIdle = () => reject(new Error("the reader stopped before the end of the data"));
    process.once("beforeExit", onIdle);
  });
  return Promise.race([p, stalled]).finally(() => process.removeListener("beforeExit", onIdle));
}

/** The sheet asked for is not in the workbook (or it has none). */
export function noSuchSheet(path: string, sheet: string | undefined, names: readonly string[]): CaseMixError {
  return new CaseMixError("value", {
    en:
      sheet === undefined
        ? `${path} has no worksheet`
        : `${path} has no sheet "${sheet}"; its sheets: ${names.join(", ")}`,
    zh:
      sheet === undefined
        ? `${path} 中没有工作表`
        : `${path} 中没有名为“${sheet}”的工作表；现有工作表：${names.join("、")}`,
  });
}
