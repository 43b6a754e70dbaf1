/**
 * Files that cannot be read completely, and outputs that must not be overwritten: a message
 * naming the file (both languages) and a non-zero exit, never a stack trace or a silent exit 0.
 *
 * @needs cli (some cases run the compiled bin/casemix.js)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { untilStalled } from "../../src/cli/xlsxCheck";
import { fiveGroupRows, WEIGHT_CSV } from "../report/fiveGroups";

const BIN = path.join(__dirname, "../../bin/casemix.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-bad-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Both languages: the exit code and the one-line message. */
async function both(argv: string[]): Promise<{ code: number; en: string; zh: string }> {
  const en = await run([...argv, "--lang", "en"]);
  const zh = await run([...argv, "--lang", "zh"]);
  expect(zh.code).toBe(en.code);
  for (const r of [en, zh]) {
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
  return { code: en.code, en: en.stderr, zh: zh.stderr };
}

let xlsx: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("出院病例");
  // Enough rows that the sheet spans most of the file (a cut lands inside the cells).
  for (let k = 0; k < 40; k++) for (const row of fiveGroupRows().slice(k === 0 ? 0 : 1)) ws.addRow(row);
  xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  fs.writeFileSync(file("cases.xlsx"), xlsx);
  fs.writeFileSync(file("weights.csv"), WEIGHT_CSV);
});

describe("an .xlsx that is not a whole workbook", () => {
  it("reads the whole workbook (the control)", async () => {
    const r = await run(["report", file("cases.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).groups).toHaveLength(5);
  });

  it("zero bytes", async () => {
    fs.writeFileSync(file("empty.xlsx"), "");
    const r = await both(["report", file("empty.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.en).toBe(`casemix: ${file("empty.xlsx")} is empty (0 bytes), not a workbook\n`);
    expect(r.zh).toBe(`casemix: ${file("empty.xlsx")} 是空文件（0 字节），不是工作簿\n`);
  });

  it("not a zip archive, and a CSV renamed .xlsx", async () => {
    fs.writeFileSync(file("noise.xlsx"), Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0xff, 0xfe]));
    const noise = await both(["report", file("noise.xlsx"), "--json"]);
    expect(noise.code).toBe(1);
    expect(noise.en).toContain("is not an .xlsx workbook (it is not a zip archive)");
    expect(noise.zh).toContain("不是 .xlsx 工作簿（不是 zip 压缩包）");
    fs.writeFileSync(file("renamed.xlsx"), "DRG编码,住院总费用\r\nA1,100\r\n");
    const renamed = await both(["report", file("renamed.xlsx"), "--json"]);
    expect(renamed.code).toBe(1);
    expect(renamed.en).toContain("it holds text (a CSV file named .xlsx?); rename it to .csv");
    expect(renamed.zh).toContain("是否为改名为 .xlsx 的 CSV 文件");
  });

  it("cut short anywhere: at the start, in the cells, in the last bytes (report, trends, audit)", async () => {
    for (const at of [
      10,
      200,
      Math.floor(xlsx.length / 3),
      Math.floor(xlsx.length / 2),
      xlsx.length - 30,
      xlsx.length - 1,
    ]) {
      fs.writeFileSync(file("cut.xlsx"), xlsx.subarray(0, at));
      for (const command of ["report", "trends", "audit"]) {
        const r = await both([command, file("cut.xlsx"), "--json"]);
        expect(r.code).toBe(1);
        expect(r.en).toMatch(new RegExp(`is cut short \\(${at} bytes\\): .*get the file again\\n$`));
        expect(r.zh).toMatch(new RegExp(`不完整（${at} 字节）：.*请重新获取该文件\\n$`));
      }
    }
  });

  it("damaged inside (whole length, bytes changed in the cells): a message naming the sheet and row reached", async () => {
    const bytes = Buffer.from(xlsx);
    for (let i = Math.floor(bytes.length * 0.4); i < Math.floor(bytes.length * 0.4) + 200; i++) bytes[i] ^= 0x5a;
    fs.writeFileSync(file("damaged.xlsx"), bytes);
    const r = await both(["report", file("damaged.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.en).toMatch(
      /damaged\.xlsx could not be read completely: the workbook is damaged \(.+\).*; open and save it again in Excel, or get it again\n$/,
    );
    expect(r.zh).toMatch(
      /damaged\.xlsx 无法完整读取：工作簿已损坏（.+）.*；请在 Excel 中打开后重新保存，或重新获取该文件\n$/,
    );
  });

  it("as a separate process: a cut inside the cells exits 1 with the message, not 0 in silence", () => {
    const at = Math.floor(xlsx.length / 2);
    fs.writeFileSync(file("cut-mid.xlsx"), xlsx.subarray(0, at));
    const r = spawnSync(process.execPath, [BIN, "report", file("cut-mid.xlsx"), "--json", "--lang", "en"], {
      encoding: "utf8",
      timeout: 120000,
    });
    expect(r.stdout).toBe("");
    expect(r.stderr.replace(/^casemix: compiling.*\n/, "")).toMatch(/^casemix: .* is cut short \(\d+ bytes\)/);
    expect(r.status).toBe(1);
  });
});

it("a read that stops waiting for data that never comes is an error, not a silent exit 0", async () => {
  const never = untilStalled(new Promise<void>(() => undefined));
  // What Node does when nothing is left to do: without the guard the process would exit with 0.
  process.emit("beforeExit", 0);
  await expect(never).rejects.toThrow("the reader stopped before the end of the data");
  const done = untilStalled(Promise.resolve(7));
  await expect(done).resolves.toBe(7);
  expect(process.listenerCount("beforeExit")).toBe(0);
});

describe("paths that are not readable files", () => {
  it("a missing file, a folder as input", async () => {
    const missing = await both(["report", file("nothing.csv"), "--json"]);
    expect(missing.code).toBe(1);
    expect(missing.en).toBe(`casemix: ${file("nothing.csv")}: no such file\n`);
    expect(missing.zh).toBe(`casemix: ${file("nothing.csv")}：文件不存在\n`);
    fs.mkdirSync(file("folder.csv"), { recursive: true });
    for (const command of ["report", "trends", "audit"]) {
      const folder = await both([command, file("folder.csv"), "--json"]);
      expect(folder.code).toBe(1);
      expect(folder.en).toBe(`casemix: ${file("folder.csv")} is a folder, not a file; give the file in it\n`);
      expect(folder.zh).toBe(`casemix: ${file("folder.csv")} 是文件夹而不是文件；请给出其中的文件\n`);
    }
  });

  it("a file without read permission (run as an unprivileged user when the tests run as root)", () => {
    const locked = file("locked.csv");
    fs.writeFileSync(locked, "DRG编码,住院总费用\r\nA1,100\r\n");
    fs.chmodSync(locked, 0o000);
    // root reads any file whatever its mode: the check then runs as "nobody" (uid 65534).
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(dir, 0o755);
    const r = spawnSync(process.execPath, [BIN, "report", locked, "--json", "--lang", "en"], {
      encoding: "utf8",
      timeout: 120000,
      ...asNobody,
    });
    expect(r.stderr.replace(/^casemix: compiling.*\n/, "")).toBe(
      `casemix: ${locked}: permission denied (cannot read it); check the file's permissions\n`,
    );
    expect(r.status).toBe(1);
  });
});

describe("--out: nothing is overwritten without --force, never the input", () => {
  const csv = () => {
    const p = file("five.csv");
    fs.writeFileSync(
      p,
      fiveGroupRows()
        .map((r) => r.join(","))
        .join("\r\n") + "\r\n",
    );
    return p;
  };

  it("refuses an existing file without --force and leaves it as it was; replaces it with --force", async () => {
    const input = csv();
    const out = file("existing.xlsx");
    fs.writeFileSync(out, "precious");
    for (const command of ["report", "trends", "audit"]) {
      const args = command === "audit" ? [command, file("weights.csv"), "--out", out] : [command, input, "--out", out];
      const r = await both(args);
      expect(r.code).toBe(1);
      expect(r.en).toBe(`casemix: --out ${out} already exists; add --force to replace it, or choose another file\n`);
      expect(r.zh).toBe(`casemix: --out ${out} 已存在；如要覆盖请加 --force，或换一个输出文件\n`);
      expect(fs.readFileSync(out, "utf8")).toBe("precious");
    }
    const forced = await run(["report", input, "--out", out, "--force", "--lang", "en"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("never the input file, even with --force, through another spelling or a symlink", async () => {
    const input = csv();
    const before = fs.readFileSync(input);
    fs.symlinkSync(input, file("link.csv"));
    for (const out of [input, path.join(dir, ".", "five.csv"), file("link.csv")]) {
      const r = await both(["report", input, "--out", out, "--force"]);
      expect(r.code).toBe(1);
      expect(r.en).toBe(
        `casemix: --out ${out} is the input file ${input}; writing there would destroy the data (not even with --force): choose another file\n`,
      );
      expect(r.zh).toContain("就是输入文件");
    }
    const weights = await both([
      "report",
      input,
      "--weights",
      file("weights.csv"),
      "--out",
      file("weights.csv"),
      "--force",
    ]);
    expect(weights.en).toContain("is the input file");
    expect(fs.readFileSync(input)).toEqual(before);
  });

  it("a read-only file is not replaced even with --force; a folder is not a file name", async () => {
    const input = csv();
    const out = file("readonly.xlsx");
    fs.writeFileSync(out, "keep");
    fs.chmodSync(out, 0o444);
    const r = await both(["report", input, "--out", out, "--force"]);
    expect(r.code).toBe(1);
    expect(r.en).toBe(
      `casemix: --out ${out} is read-only; it is not replaced, even with --force (make it writable first)\n`,
    );
    expect(r.zh).toBe(`casemix: --out ${out} 是只读文件；即使加 --force 也不覆盖（请先取消只读）\n`);
    expect(fs.readFileSync(out, "utf8")).toBe("keep");
    fs.mkdirSync(file("outdir"), { recursive: true });
    const folder = await both(["report", input, "--out", file("outdir")]);
    expect(folder.code).toBe(1);
    expect(folder.en).toBe(
      `casemix: --out ${file("outdir")} is a folder; give a file name, e.g. ${path.join(file("outdir"), "report.xlsx")}\n`,
    );
    expect(folder.zh).toContain("是文件夹；请给出文件名");
  });

  it("a failure while writing leaves the old file whole and no temporary file", async () => {
    const input = csv();
    const out = path.join(file("nowhere"), "sub", "report.xlsx");
    fs.writeFileSync(file("nowhere"), "a file where a folder is wanted");
    const r = await both(["report", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.en).toMatch(/^casemix: .*nowhere.*\n$/);
    expect(fs.readFileSync(file("nowhere"), "utf8")).toBe("a file where a folder is wanted");
  });
});

describe("casemix sample", () => {
  it("refuses absurd sizes and other forms than whole numbers in digits (exit 2)", async () => {
    for (const cases of ["1e12", "10000001", "2.5", "0", "-3", "1e3"]) {
      const r = await both(["sample", "--cases", cases, "--out", file("s.csv")]);
      expect(r.code).toBe(2);
      expect(r.en).toBe(
        `casemix: --cases: "${cases}" is not a whole number from 1 to 10,000,000 (written in digits)\n`,
      );
      expect(r.zh).toBe(`casemix: --cases："${cases}" 不是 1 到 10,000,000 之间的整数（请用数字书写）\n`);
      expect(fs.existsSync(file("s.csv"))).toBe(false);
    }
  });

  it("writes the file, and does not replace it without --force", async () => {
    const out = file("sample.csv");
    const first = await run(["sample", "--cases", "2,000", "--seed", "5", "--out", out, "--lang", "en"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^Wrote .*: 2000 cases/);
    const bytes = fs.readFileSync(out);
    const again = await run(["sample", "--cases", "10", "--out", out, "--lang", "en"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists; add --force");
    expect(fs.readFileSync(out)).toEqual(bytes);
    expect((await run(["sample", "--cases", "10", "--out", out, "--force"])).code).toBe(0);
    expect(fs.readFileSync(out).length).toBeLessThan(bytes.length);
  });
});
