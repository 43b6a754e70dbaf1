/**
 * CSV files that cannot be read as they are: a quote never closed, a cut or damaged UTF-8
 * file, rows shorter than the header, semicolons. Each is an error naming the file and the
 * line or byte (both languages, exit 1), never a report of part of the data.
 *
 * @needs cli (some cases run the compiled bin/casemix.js)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { main } from "../../src/cli/main";

const SAMPLE = path.join(__dirname, "../../samples/cases.csv");
const GB_CSV = path.join(__dirname, "../fixtures/cli/five-groups-gb18030.csv");
const BIN = path.join(__dirname, "../../bin/casemix.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-csv-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty });
  return { code, stdout, stderr };
}

async function both(file: string, extra: string[] = []): Promise<{ code: number; en: string; zh: string }> {
  const en = await run(["report", file, "--json", "--lang", "en", ...extra]);
  const zh = await run(["report", file, "--json", "--lang", "zh", ...extra]);
  expect(en.stdout).toBe("");
  expect(zh.code).toBe(en.code);
  return { code: en.code, en: en.stderr, zh: zh.stderr };
}

/** The header and the first `rows` cases of the sample, without the byte-order mark. */
const sampleLines = (rows: number) =>
  fs
    .readFileSync(SAMPLE, "utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .slice(0, rows + 1);
const write = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

describe("a quoted field never closed", () => {
  it("names the line and the row where it opens (a 100-row file read only to row 50 before)", async () => {
    const lines = sampleLines(100);
    lines[50] = lines[50].replace(/,([^,]*)$/, ',"$1');
    const file = write("quote.csv", lines.join("\r\n") + "\r\n");
    const at =
      Buffer.byteLength(lines.slice(0, 50).join("\r\n") + "\r\n" + lines[50].slice(0, lines[50].lastIndexOf('"'))) + 1;
    const rest = fs.statSync(file).size - at + 1;
    const r = await both(file);
    expect(r.code).toBe(1);
    expect(r.en).toBe(
      `casemix: ${file}: line 51 (row 51, byte ${at}): a quoted field opens there (") and is never closed, so the rest of the file (${rest} bytes) would be read as one cell; close the quote, or double it ("") where it is part of the text\n`,
    );
    expect(r.zh).toBe(
      `casemix: ${file}：第 51 行（第 51 条记录，第 ${at} 字节）：此处有一个以引号（"）开始的字段，但引号始终没有闭合，文件其余部分（${rest} 字节）都会被读成一个单元格；请补上闭合引号，或将文本中的引号写成两个（""）\n`,
    );
  });

  it("counts lines, not rows, when a closed quoted field holds a line break", async () => {
    const lines = sampleLines(60);
    lines[5] = lines[5].replace(/^(\d+),/, '"$1\r\n",');
    lines[40] = lines[40].replace(/,([^,]*)$/, ',"$1');
    const r = await both(write("quote2.csv", lines.join("\r\n") + "\r\n"));
    expect(r.code).toBe(1);
    expect(r.en).toMatch(/: line 42 \(row 41, byte \d+\): a quoted field opens there/);
  });

  it("in a large file read in parts on worker threads: the same line, from the part it is in", () => {
    const lines = sampleLines(24000);
    const body = lines.slice(1);
    const all = [lines[0], ...body, ...body, ...body];
    const row = all.length - 10;
    all[row - 1] = all[row - 1].replace(/,([^,]*)$/, ',"$1');
    const file = write("big-quote.csv", all.join("\r\n") + "\r\n");
    expect(fs.statSync(file).size).toBeGreaterThan(8 << 20);
    const r = spawnSync(process.execPath, [BIN, "report", file, "--json", "--lang", "en"], {
      encoding: "utf8",
      timeout: 180000,
    });
    expect(r.stdout).toBe("");
    expect(r.stderr.replace(/^casemix: compiling.*\n/, "")).toMatch(
      new RegExp(`^casemix: .*: line ${row} \\(row ${row}, byte \\d+\\): a quoted field opens there`),
    );
    expect(r.status).toBe(1);
  });

  it("in the compiled command line, a large file is parsed on worker threads started from csv/worker.js", () => {
    // The reader falls back to one pass when the worker script is missing, so the report alone
    // cannot tell: count the workers the compiled reader starts, and the script they run.
    const lines = sampleLines(24000);
    const body = lines.slice(1);
    const file = write("big-workers.csv", [lines[0], ...body, ...body, ...body].join("\r\n") + "\r\n");
    expect(fs.statSync(file).size).toBeGreaterThan(8 << 20);
    const build = path.join(__dirname, "../../build/cli");
    const script = `
      const threads = require("worker_threads");
      const Original = threads.Worker;
      const started = [];
      threads.Worker = class extends Original { constructor(f, o) { super(f, o); started.push(f); } };
      require(${JSON.stringify(path.join(build, "main.js"))})
        .main(["report", ${JSON.stringify(file)}, "--json", "--lang", "en"], { stdout: () => {}, stderr: (t) => process.stderr.write(t) })
        .then((code) => process.stdout.write(JSON.stringify({ code, started })));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 180000 });
    expect(r.stderr).toBe("");
    const { code, started } = JSON.parse(r.stdout);
    expect(code).toBe(0);
    expect(started.length).toBeGreaterThan(0);
    for (const f of started) expect(f).toBe(path.join(build, "csv", "worker.js"));
    expect(fs.existsSync(path.join(build, "csv", "worker.js"))).toBe(true);
  });
});

describe("the encoding, decided once per file from its bytes", () => {
  it("a UTF-8 file cut in the middle of its last character is an error, not GB18030 mojibake", async () => {
    // A remark column last, so that the cut falls in it: 算 is 3 bytes, the last one cut off.
    const lines = sampleLines(30).map((l, i) => l + (i === 0 ? ",备注" : ",已结算"));
    const text = Buffer.from(lines.join("\r\n"));
    const size = text.length - 1;
    const last = text.length - 3;
    const file = write("cut.csv", text.subarray(0, size));
    const r = await both(file);
    expect(r.code).toBe(1);
    expect(r.en).toBe(
      `casemix: ${file}: the file ends in the middle of a UTF-8 character (byte ${last + 1} of ${size}, line 31): it was cut short, probably an interrupted download or copy; get it again (or read it anyway with --encoding utf8)\n`,
    );
    expect(r.zh).toBe(
      `casemix: ${file}：文件在一个 UTF-8 字符的中间结束（共 ${size} 字节，第 ${last + 1} 字节，第 31 行）：文件不完整，可能是下载或复制中断；请重新获取（或用 --encoding utf8 仍按 UTF-8 读取）\n`,
    );
    // --encoding utf8 reads it: the Chinese names and headers intact.
    const forced = await run(["report", file, "--json", "--encoding", "utf8"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).parameters.source.encoding).toBe("utf-8");
    expect(JSON.stringify(JSON.parse(forced.stdout).units)).toMatch(/[\u4e00-\u9fff]科/);
  });

  it("one damaged byte in a UTF-8 file is an error naming it, not GB18030 for the whole file", async () => {
    const bytes = Buffer.from(sampleLines(30).join("\r\n") + "\r\n");
    const at = bytes.indexOf(Buffer.from("科"), 2000);
    const line = bytes.subarray(0, at).toString("latin1").split("\n").length;
    bytes[at + 1] = 0x41; // 科 is E7 A7 91: its lead byte now stands without its continuation
    const file = write("damaged.csv", bytes);
    const r = await both(file);
    expect(r.code).toBe(1);
    expect(r.en).toMatch(
      new RegExp(
        `^casemix: .*: not valid UTF-8 at byte ${at + 1} \\(line ${line}: 0xE7\\), though it is UTF-8 before that \\(\\d+ characters\\): the file is damaged there; fix that line, or give --encoding utf8`,
      ),
    );
    expect(r.zh).toMatch(new RegExp(`第 ${at + 1} 字节（第 ${line} 行：0xE7）不是合法的 UTF-8`));
  });

  it("headers in neither UTF-8 nor GB18030 are an error that names both", async () => {
    const file = write("neither.csv", Buffer.concat([Buffer.from([0x80, 0xff, 0x80]), Buffer.from(",x\r\nA1,1\r\n")]));
    const r = await both(file);
    expect(r.code).toBe(1);
    expect(r.en).toBe(
      `casemix: ${file}: the first lines are neither UTF-8 (not UTF-8: byte 0x80 at byte 1, line 1) nor GB18030; give the file's encoding with --encoding utf8, gb18030 or utf-16le\n`,
    );
    expect(r.zh).toBe(
      `casemix: ${file}：开头几行既不是 UTF-8（不是 UTF-8：第 1 行第 1 字节为 0x80），也不是 GB18030；请用 --encoding utf8、gb18030 或 utf-16le 指定文件编码\n`,
    );
  });

  it("shows the choice and its reason on a terminal only; --json stdout stays clean", async () => {
    const onTerminal = await run(["report", GB_CSV, "--json", "--lang", "en"], true);
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stderr).toBe(`casemix: ${GB_CSV}: read as GB18030 (not UTF-8: byte 0xB2 at byte 1, line 1)\n`);
    expect(() => JSON.parse(onTerminal.stdout)).not.toThrow();
    const zh = await run(["report", GB_CSV, "--json", "--lang", "zh"], true);
    expect(zh.stderr).toBe(`casemix: ${GB_CSV}：按 GB18030 读取（不是 UTF-8：第 1 行第 1 字节为 0xB2）\n`);
    const sample = await run(["report", SAMPLE, "--json", "--lang", "en"], true);
    expect(sample.stderr).toBe(`casemix: ${SAMPLE}: read as UTF-8 (byte-order mark)\n`);
    const piped = await run(["report", GB_CSV, "--json", "--lang", "en"]);
    expect(piped.stderr).toBe("");
  });
});

describe("rows shorter than the header", () => {
  it("are an error when they lack a column the report reads (its money would count as blank)", async () => {
    const lines = sampleLines(300);
    lines[100] = lines[100].split(",").slice(0, 9).join(",");
    lines[200] = lines[200].split(",").slice(0, 12).join(",");
    const file = write("short.csv", lines.join("\r\n") + "\r\n");
    const r = await both(file);
    expect(r.code).toBe(1);
    expect(r.en).toBe(
      `casemix: ${file}: row 101 has 9 fields where the header (row 1) has 16, so it has no 医保统筹支付, 个人自付, 药品费, 耗材费 (2 rows like it); the row was cut short or a field holds a line break without quotes: fix the row (or add the missing commas)\n`,
    );
    expect(r.zh).toBe(
      `casemix: ${file}：第 101 行只有 9 个字段，而表头（第 1 行）有 16 个，缺少 医保统筹支付、个人自付、药品费、耗材费（共 2 行如此）；该行不完整，或某个字段含有未加引号的换行：请修正该行（或补上缺少的逗号）\n`,
    );
  });

  it("pass when only columns not read are missing: the numbers are those of the full rows", async () => {
    const lines = sampleLines(300);
    const full = await run(["report", write("full.csv", lines.join("\r\n") + "\r\n"), "--json"]);
    const trimmed = lines.map((l, i) => (i === 0 ? l + ",备注" : i % 2 ? l + ",x" : l));
    const r = await run(["report", write("ragged.csv", trimmed.join("\r\n") + "\r\n"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).groups).toEqual(JSON.parse(full.stdout).groups);
  });
});

it("a file separated by semicolons is refused naming the delimiter", async () => {
  const file = write(
    "semicolons.csv",
    sampleLines(20)
      .map((l) => l.replace(/,/g, ";"))
      .join("\r\n") + "\r\n",
  );
  const r = await both(file);
  expect(r.code).toBe(1);
  expect(r.en).toBe(
    `casemix: ${file}: its columns are separated by semicolons (;), not commas or tabs; save it again as CSV with commas (or as .xlsx)\n`,
  );
  expect(r.zh).toBe(
    `casemix: ${file}：各列以分号（;）分隔，而不是逗号或制表符；请重新另存为以逗号分隔的 CSV（或 .xlsx）\n`,
  );
});
