import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import * as fc from "fast-check";
import type { KeepColumns } from "../../src/cli/csv/headRows";
import { parseParallel, PartRunner } from "../../src/cli/csv/parallel";
import { parsePart } from "../../src/cli/csv/part";
import { readCsvStream } from "../../src/cli/csv/readCsvFile";
import { StreamCsvGrid } from "../../src/cli/csv/streamGrid";
import {
  CsvGrid,
  decodeText,
  Encoding,
  parseCsvColumns,
  plainCellValue,
  readCsv,
  readInput,
  readXlsx,
} from "../../src/cli/readInput";
import { readXlsxStream } from "../../src/cli/xlsxStream";
import { Grid, gridFromColumns, readCaseTable } from "../../src/engine/caseTable";
import { readNumberColumn } from "../../src/engine/input";
import { internCodes, internIndexed, normalizeCode, normalizeKey } from "../../src/engine/codes";
import { CaseMixError } from "../../src/engine/text";
import { fiveGroupCsv } from "../report/fiveGroups";

const FIXTURES = path.join(__dirname, "../fixtures/cli");

describe("decodeText", () => {
  it("follows a byte-order mark", () => {
    const utf8 = Buffer.from("病案号", "utf8");
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({
      text: "病案号",
      encoding: "utf-8-bom",
    });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("科室", "utf16le")]))).toEqual({
      text: "科室",
      encoding: "utf-16le",
    });
  });

  it("reads valid UTF-8 as UTF-8 and anything else as GB18030 (the module's example)", () => {
    expect(decodeText(Buffer.from("DRG编码", "utf8"))).toEqual({ text: "DRG编码", encoding: "utf-8" });
    expect(decodeText(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4))).toEqual({ text: "中文", encoding: "gb18030" });
    // plain ASCII is valid UTF-8
    expect(decodeText(Buffer.from("a,b")).encoding).toBe("utf-8");
  });

  it("decodes the GB18030 fixture (made with iconv -t GB18030) to the same text as the UTF-8 original", () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, "five-groups-gb18030.csv"));
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toBe(fiveGroupCsv());
    expect(decoded.text.slice(0, 20)).toBe("病案号,出院科室,主诊医师,DRG编码,");
  });

  it("honours a forced encoding", () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, "five-groups-gb18030.csv"));
    expect(decodeText(bytes, "gb18030").text).toBe(fiveGroupCsv());
  });
});

describe("parseCsvColumns", () => {
  it("splits columns (the module's example)", () => {
    expect(parseCsvColumns('a,b\n1,"x,y"\n').columns).toEqual([
      ["a", "1"],
      ["b", "x,y"],
    ]);
  });

  it("handles quotes, doubled quotes, line breaks inside quotes, CRLF and CR, empty fields", () => {
    const r = parseCsvColumns('h1,h2,h3\r\n"a ""q""","line\r\nbreak",\r\n,,x\rlast,"",');
    expect(r.rows).toBe(4);
    expect(r.columns).toEqual([
      ["h1", 'a "q"', "", "last"],
      ["h2", "line\r\nbreak", "", ""],
      ["h3", "", "x", ""],
    ]);
  });

  it("pads short rows and keeps an empty line as a blank row", () => {
    const r = parseCsvColumns("a,b,c\n1\n\n2,3,4,5\n");
    expect(r.rows).toBe(4);
    expect(r.columns).toEqual([
      ["a", "1", "", "2"],
      ["b", "", "", "3"],
      ["c", "", "", "4"],
      ["", "", "", "5"],
    ]);
  });

  it("takes a tab as the delimiter when the header has more tabs than commas", () => {
    expect(parseCsvColumns("病案号\tDRG编码\n1\tGB11, 伴\n").columns).toEqual([
      ["病案号", "1"],
      ["DRG编码", "GB11, 伴"],
    ]);
  });
});

describe("CsvGrid", () => {
  it("cuts cells out on demand, unquoting them", () => {
    const g = new CsvGrid('a,b\r\n"x ""y"", z",2\r\n3');
    expect([g.rowCount, g.columnCount]).toEqual([3, 2]);
    expect(g.cell(1, 0)).toBe('x "y", z');
    expect(g.cell(2, 1)).toBe("");
    expect(g.column(1, 1)).toEqual(["2", ""]);
  });

  it("reads plain decimals without strings, exactly as readNumberColumn does (property)", () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined }),
      )
      .map(([neg, whole, frac]) => `${neg ? "-" : ""}${whole}${frac === undefined ? "" : "." + frac}`);
    const cell = fc.oneof(decimal, fc.constant(""));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (cells) => {
        const g = new CsvGrid(["h", ...cells].join("\n") + "\n");
        const fast = g.numbers(0, 1, true);
        expect(fast).toBeDefined();
        const slow = readNumberColumn(cells, "h", { allowNegative: true });
        expect(Array.from(fast as Float64Array)).toEqual(Array.from(slow));
      }),
    );
  });

  it("leaves anything else to readNumberColumn, so the messages stay the same", () => {
    for (const text of ["h\n1,2\n", 'h\n"3"\n', "h\n1e3\n", "h\n 4\n", "h\nn/a\n", "h\n+5\n", "h\n5.\n"]) {
      expect(new CsvGrid(text, "\t").numbers(0, 1, true)).toBeUndefined();
    }
    expect(new CsvGrid("h\n-5\n").numbers(0, 1, false)).toBeUndefined();
    expect(Array.from(new CsvGrid("h\n-0\n").numbers(0, 1, false) ?? [])).toEqual([-0]);
    const bad = new CsvGrid("DRG编码,住院总费用\nGB11,12\nGB13,n/a\n");
    expect(() => readCaseTable(bad)).toThrow('住院总费用 row 3: "n/a" is not a number');
    const negative = new CsvGrid("DRG编码,住院总费用,个人自付\nGB11,12,-3\n");
    expect(Array.from(readCaseTable(negative).numbers.selfPay ?? [])).toEqual([-3]);
  });

  it("gives the case table the column-wise grid gives", () => {
    const text = fiveGroupCsv();
    const a = readCaseTable(new CsvGrid(text));
    const b = readCaseTable(gridFromColumns(parseCsvColumns(text).columns));
    expect(a.numbers).toEqual(b.numbers);
    expect(a.groups).toEqual(b.groups);
    expect(a.skipped).toEqual(b.skipped);
  });
});

describe("reading files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-read-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads a GB18030 CSV into a case table with the Chinese headers intact", () => {
    const input = readCsv(path.join(FIXTURES, "five-groups-gb18030.csv"));
    expect(input.encoding).toBe("gb18030");
    const t = readCaseTable(input.grid);
    expect(t.headers.slice(0, 4)).toEqual(["病案号", "出院科室", "主诊医师", "DRG编码"]);
    expect(t.department?.codes).toEqual(["外科", "内科"]);
    expect(t.groupNames).toEqual(["甲组", "乙组", "丙组", "丁组", "戊组", "无权重组"]);
  });

  it("reads an .xlsx sheet by name, with formulas, rich text and dates", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "nothing here";
    const ws = wb.addWorksheet("出院病例");
    ws.addRow(["2024 年出院病例"]);
    ws.addRow(["DRG编码", "出院日期", "住院总费用", "科室"]);
    ws.addRow([
      "GB11",
      new Date(Date.UTC(2024, 2, 5)),
      { formula: "1000+234.5", result: 1234.5 },
      { richText: [{ text: "内" }, { text: "科" }] },
    ]);
    const file = path.join(dir, "cases.xlsx");
    await wb.xlsx.writeFile(file);
    const input = await readInput(file, { sheet: "出院病例" });
    expect(input.sheet).toBe("出院病例");
    const t = readCaseTable(input.grid);
    expect(t.headerRowNumber).toBe(2);
    expect(Array.from(t.numbers.totalCost ?? [])).toEqual([1234.5]);
    expect(t.years?.codes).toEqual(["2024"]);
    expect(t.department?.codes).toEqual(["内科"]);
    await expect(readInput(file, { sheet: "无此表" })).rejects.toThrow(/no sheet "无此表"; its sheets: 说明, 出院病例/);
  });

  it("says plainly when the file is missing or an old .xls", async () => {
    await expect(readInput(path.join(dir, "none.csv"))).rejects.toThrow(/no such file/);
    const xls = path.join(dir, "old.xls");
    fs.writeFileSync(xls, "x");
    await expect(readInput(xls)).rejects.toThrow(/\.xls format/);
  });

  it("plain values of ExcelJS cells", () => {
    expect(plainCellValue({ error: "#N/A" } as unknown as ExcelJS.CellValue)).toBe("#N/A");
    expect(plainCellValue({ text: "链接", hyperlink: "http://x" } as ExcelJS.CellValue)).toBe("链接");
    expect(plainCellValue(null)).toBeNull();
    expect(plainCellValue(3)).toBe(3);
  });
});

describe("streaming CSV reader (csv/readCsvFile.ts)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-stream-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let fileNo = 0;
  const write = (bytes: Uint8Array): string => {
    const file = path.join(dir, `f${fileNo++}.csv`);
    fs.writeFileSync(file, bytes);
    return file;
  };

  /** Every cell, column and numbers() of the streamed grid equal those of CsvGrid over the whole decoded text. */
  function expectSameGrid(stream: Grid, whole: CsvGrid): void {
    expect(stream.rowCount).toBe(whole.rowCount);
    expect(stream.columnCount).toBe(whole.columnCount);
    for (let r = 0; r <= whole.rowCount; r++)
      for (let c = 0; c <= whole.columnCount; c++) expect([r, c, stream.cell(r, c)]).toEqual([r, c, whole.cell(r, c)]);
    for (let c = 0; c < whole.columnCount; c++) {
      for (const from of [0, 1, Math.min(whole.rowCount, 33)]) {
        expect(stream.column(c, from)).toEqual(whole.column(c, from));
        // The interned fast path, where the stream has it: the same cells, distinct in order of first appearance.
        const indexed = stream.codes?.(c, from);
        if (indexed) {
          const cells = whole.column(c, from);
          expect(Array.from(indexed.rawIndex, (k) => indexed.distinct[k])).toEqual(cells);
          expect(indexed.distinct).toEqual([...new Set(cells)]);
          for (const normalize of [normalizeCode, normalizeKey])
            expect(internIndexed(indexed, normalize)).toEqual(internCodes(cells, normalize));
        }
        for (const neg of [false, true]) {
          const a = stream.numbers?.(c, from, neg);
          const b = whole.numbers(c, from, neg);
          // CsvGrid gives up on quoted cells that the stream has already unquoted: both must then agree with readNumberColumn.
          if (a === undefined || b === undefined) {
            const read = (g: Grid) => {
              try {
                return Array.from(readNumberColumn(g.column(c, from), "h", { firstRow: 1, allowNegative: neg }));
              } catch (e) {
                return String(e);
              }
            };
            if (a !== undefined) expect(Array.from(a)).toEqual(read(whole));
            if (b !== undefined) expect(Array.from(b)).toEqual(read(stream));
          } else expect(Array.from(a)).toEqual(Array.from(b));
        }
      }
    }
  }

  /** A CSV of a title line, a header and 60 rows: Chinese text, quotes, codes with leading zeros, a late text cell in a numeric column. */
  function bigCsv(eol: string): string {
    const lines = ["2024 年出院病例,,,,", "病案号,出院科室,DRG编码,DRG名称,住院总费用,个人自付,科室代码"];
    for (let i = 0; i < 60; i++) {
      const name = i % 7 === 0 ? `"甲组, 伴""并发症""${eol}第二行"` : `乙组${i % 3}`;
      const cost = i === 50 ? "" : i % 5 === 0 ? `${i}.50` : `${1000 + i * 37.25}`;
      const pay = i % 11 === 0 ? "-0" : i % 13 === 0 ? "-12.5" : `${i}`;
      const dept = i === 45 ? "A01" : i % 2 ? "007" : "12";
      const short = i === 40 ? "" : `,${dept}`;
      lines.push(`${2024000000 + i},${i % 2 ? "内科" : "外科"},GB1${i % 4},${name},${cost},${pay}${short}`);
    }
    lines.push("2024000099,外科,GB11,乙组,9,1,12,");
    return lines.join(eol) + eol;
  }

  it("gives exactly the table of reading the whole file, whatever the chunk size (7 bytes: characters split across chunks)", () => {
    const text = bigCsv("\r\n");
    const files: [string, Uint8Array, Encoding][] = [
      ["utf-8", Buffer.from(text, "utf8"), "utf-8"],
      ["utf-8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8-bom"],
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), "utf-16le"],
    ];
    for (const [, bytes, encoding] of files) {
      const file = write(bytes);
      const whole = decodeText(bytes);
      expect(whole.encoding).toBe(encoding);
      for (const chunkSize of [1, 2, 3, 7, 64, 1 << 20]) {
        const s = readCsvStream(file, { chunkSize, progress: false });
        expect(s.encoding).toBe(encoding);
        expectSameGrid(s.grid, new CsvGrid(whole.text));
      }
      const a = readCaseTable(readCsv(file, undefined, { chunkSize: 7 }).grid);
      const b = readCaseTable(new CsvGrid(whole.text));
      expect(a).toEqual(b);
    }
  });

  it("reads GB18030 in 7-byte chunks, also when the first chunks are ASCII (valid UTF-8)", () => {
    const gb = fs.readFileSync(path.join(FIXTURES, "five-groups-gb18030.csv"));
    const body = gb.subarray(gb.indexOf(0x0a) + 1);
    const bytes = Buffer.concat([
      Buffer.from("title line in ASCII\n"),
      gb,
      body,
      body,
      body,
      body,
      body,
      body,
      body,
      body,
    ]);
    const file = write(bytes);
    const whole = decodeText(bytes);
    expect(whole.encoding).toBe("gb18030");
    for (const chunkSize of [1, 7, 4096]) {
      const s = readCsvStream(file, { chunkSize });
      expect(s.encoding).toBe("gb18030");
      expectSameGrid(s.grid, new CsvGrid(whole.text));
    }
    const t = readCaseTable(readCsv(file, undefined, { chunkSize: 7 }).grid);
    expect(t).toEqual(readCaseTable(new CsvGrid(whole.text)));
    expect(t.department?.codes).toEqual(["外科", "内科"]);
    expect(readCsvStream(file, { encoding: "gb18030", chunkSize: 7 }).grid.cell(1, 0)).toBe("病案号");
  });

  it("any CSV text, any chunk size: the same grid as CsvGrid (property)", () => {
    const pieces = [
      "a",
      "中",
      "𠀋",
      ",",
      "\t",
      '"',
      "\n",
      "\r",
      "\r\n",
      "0",
      "1",
      "7",
      "-",
      ".",
      " ",
      "12.50",
      "007",
      "-0",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 400 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, chunkSize) => {
          const text = parts.join("");
          const bytes = Buffer.from(text, "utf8");
          const file = write(bytes);
          const whole = new CsvGrid(decodeText(bytes).text);
          // A quote never closed is an error naming its row, where CsvGrid reads on to the end.
          if (whole.unterminatedRow >= 0) {
            expect(() => readCsvStream(file, { chunkSize })).toThrow(
              new RegExp(`\\(row ${whole.unterminatedRow + 1}, byte \\d+\\): a quoted field opens there`),
            );
            return;
          }
          const s = readCsvStream(file, { chunkSize });
          fs.rmSync(file);
          expectSameGrid(s.grid, whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  /** Parts parsed in this thread, one after another: the logic of parseParallel without the workers. */
  const taken = { parts: 0, started: 0 };
  const inThread: PartRunner = (job) => {
    const result = parsePart(job);
    taken.started++;
    return {
      result: () => {
        taken.parts++;
        return result;
      },
      stop: () => undefined,
    };
  };
  /** parseParallel over a whole file, the parts parsed in this thread unless `o.runner` says otherwise. */
  function parallel(
    file: string,
    threads: number,
    chunkSize: number,
    o: { kind?: "utf-8" | "gb18030"; runner?: PartRunner; keep?: KeepColumns } = {},
  ): StreamCsvGrid | undefined {
    const fd = fs.openSync(file, "r");
    try {
      return parseParallel(
        file,
        fd,
        o.kind ?? "utf-8",
        { skip: 0, size: fs.fstatSync(fd).size },
        { threads, chunkSize, minBytes: 0, runner: o.runner ?? inThread, keep: o.keep },
      );
    } finally {
      fs.closeSync(fd);
    }
  }

  /**
   * 400 rows: quoted line breaks every 7th row (cuts inside quotes), a column numeric in the
   * first part and text below (科室代码), one text first and numeric below (床日), a short row,
   * and an extra field in the last row.
   */
  function partsCsv(): string {
    const lines = ["病案号,出院科室,DRG编码,DRG名称,住院总费用,科室代码,床日"];
    for (let i = 0; i < 400; i++) {
      const name = i % 7 === 0 ? `"甲组, 伴""并发症""\n第二行"` : `乙组${i % 3}`;
      const code = i === 350 ? "A01" : i % 9 === 0 ? "" : `${100 + (i % 5)}`;
      const days = i === 3 ? "x" : i % 4 === 0 ? "-0" : `${i % 11}.5`;
      lines.push(
        i === 200
          ? `${i},外科`
          : `${i},${i % 2 ? "内科" : "外科"},GB1${i % 4},${name},${1000 + i * 0.25},${code},${days}`,
      );
    }
    lines.push("999,外科,GB11,乙组,9,101,1,extra");
    return lines.join("\n") + "\n";
  }

  it("in parts: the grid of one pass, wherever the cuts fall (inside quotes too) and for any number of parts", () => {
    const text = partsCsv();
    const file = write(Buffer.from(text, "utf8"));
    const whole = new CsvGrid(text);
    taken.parts = taken.started = 0;
    for (let threads = 2; threads <= 9; threads++) {
      for (const chunkSize of [5, 64, 1 << 20]) {
        const g = parallel(file, threads, chunkSize) as StreamCsvGrid;
        expect(g).toBeDefined();
        expectSameGrid(g, whole);
        expect(readCaseTable(g)).toEqual(readCaseTable(whole));
      }
    }
    // Parts were appended, and some were not (a cut inside quotes, or a first part of under 32 rows)
    expect(taken.parts).toBeGreaterThan(0);
    expect(taken.parts).toBeLessThan(taken.started);
  });

  it("in parts: GB18030 whose first part is ASCII; readCsvStream decides the encoding once for all parts", () => {
    const gb = fs.readFileSync(path.join(FIXTURES, "five-groups-gb18030.csv"));
    const body = gb.subarray(gb.indexOf(0x0a) + 1);
    const ascii = Buffer.from(Array.from({ length: 300 }, (_, i) => `GB1${i % 4},${i}`).join("\n") + "\n");
    const bytes = Buffer.concat([Buffer.from("DRG,cost\n"), ascii, body, body, body]);
    const file = write(bytes);
    const whole = new CsvGrid(decodeText(bytes).text);
    expectSameGrid(parallel(file, 2, 64, { kind: "gb18030" }) as StreamCsvGrid, whole);
    expectSameGrid(parallel(file, 3, 7, { kind: "gb18030" }) as StreamCsvGrid, whole);
    expect(readCsvStream(file, { chunkSize: 64, threads: 1 }).encoding).toBe("gb18030");
  });

  it("in parts: left to one pass when there is nothing to cut", () => {
    const file = write(Buffer.from("DRG,cost\rGB11,1\rGB13,2\r", "utf8"));
    expect(parallel(file, 2, 64)).toBeUndefined(); // no line feed
    expect(parallel(write(Buffer.from("DRG,cost\nGB11,1\n")), 1, 64)).toBeUndefined(); // one thread
    // A worker that cannot be started: the ones started are stopped, and one pass reads the file
    const big = write(Buffer.from(partsCsv(), "utf8"));
    let started = 0;
    let stopped = 0;
    const failing: PartRunner = (job) => {
      if (started++ === 1) throw new Error("ERR_WORKER_INIT_FAILED");
      const r = inThread(job);
      return { result: r.result, stop: () => stopped++ };
    };
    expect(parallel(big, 4, 64, { runner: failing })).toBeUndefined();
    expect([started, stopped]).toEqual([2, 1]);
    // A part that fails (a read error in the worker) is a message in both languages, naming the file
    const broken: PartRunner = () => ({ result: () => ({ error: "EIO: i/o error, read" }), stop: () => undefined });
    let error: unknown;
    try {
      parallel(big, 2, 64, { runner: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseMixError);
    expect((error as CaseMixError).messageIn("en")).toBe(
      `${big}: reading part 1 on a worker thread failed: EIO: i/o error, read`,
    );
    expect((error as CaseMixError).messageIn("zh")).toBe(`${big}：在工作线程中读取第 1 部分失败：EIO: i/o error, read`);
  });

  /** The kept columns read as in the whole grid, the others throw below row 32; rowBlank as the whole row. */
  function expectKept(g: StreamCsvGrid, whole: CsvGrid, kept: readonly number[]): void {
    expect(g.rowCount).toBe(whole.rowCount);
    expect(g.columnCount).toBe(whole.columnCount);
    for (let c = 0; c < whole.columnCount; c++) {
      if (kept.includes(c)) {
        expect(g.column(c, 1)).toEqual(whole.column(c, 1));
        const expected = whole.numbers(c, 1, true);
        if (expected) expect(g.numbers(c, 1, true)).toEqual(expected);
      } else {
        expect(g.cell(5, c)).toBe(whole.cell(5, c)); // a head row: whole
        if (whole.rowCount > 40) expect(() => g.column(c, 1)).toThrow(/left out/);
      }
    }
    for (let r = 0; r < whole.rowCount; r++) {
      let blank = true;
      for (let c = 0; c < whole.columnCount; c++) if (whole.cell(r, c).trim() !== "") blank = false;
      expect([r, g.rowBlank(r)]).toEqual([r, blank]);
    }
  }

  it("keeps only the columns asked for (or chosen from the first 32 rows), in one pass and in parts", () => {
    // 400 rows; 病案号 (0), DRG名称 (3) and 床日 (6) left out; rows blank but for a left-out field
    const lines = partsCsv().trimEnd().split("\n");
    lines[120] = "999,,,乙组,,,";
    lines[121] = ",,,,,,";
    lines[122] = ',,,"  ",,,';
    const text = lines.join("\n") + "\n";
    const file = write(Buffer.from(text, "utf8"));
    const whole = new CsvGrid(text);
    const kept = [1, 2, 4, 5];
    expectKept(readCsvStream(file, { keep: kept, chunkSize: 7, progress: false }).grid, whole, kept);
    let seen: readonly (readonly string[])[] | undefined;
    const choose = (head: readonly (readonly string[])[]) => {
      seen = head;
      return kept;
    };
    expectKept(readCsvStream(file, { keep: choose, progress: false }).grid, whole, kept);
    expect(seen?.length).toBe(32);
    expect(seen?.[0][2]).toBe("DRG编码");
    for (const threads of [2, 3, 5])
      for (const keep of [kept, choose])
        expectKept(parallel(file, threads, 64, { keep }) as StreamCsvGrid, whole, kept);
    // A choice that fails keeps every column (the reader of the table then says what is wrong)
    const all = readCsvStream(file, {
      keep: () => {
        throw new Error("no header");
      },
      progress: false,
    }).grid;
    expectSameGrid(all, whole);
  });

  it("names the header and the file row of a bad number past the first rows, as before", () => {
    const lines = ["DRG编码,住院总费用"];
    for (let i = 0; i < 600; i++) lines.push(`GB11,${i === 499 ? "n/a" : 12 + i}`);
    const file = write(Buffer.from(lines.join("\n"), "utf8"));
    expect(() => readCaseTable(readCsv(file, undefined, { chunkSize: 7 }).grid)).toThrow(
      '住院总费用 row 501: "n/a" is not a number',
    );
  });

  it("draws a progress bar on stderr only when asked (by default only on a terminal)", () => {
    const file = write(Buffer.from("DRG编码,住院总费用\nGB11,1\n".repeat(50), "utf8"));
    const spy = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      readCsvStream(file, { chunkSize: 64, progress: false });
      expect(spy).not.toHaveBeenCalled();
      readCsvStream(file, { chunkSize: 64, progress: true });
      const out = spy.mock.calls.map((c) => String(c[0])).join("");
      expect(out).toContain("100%");
      expect(out).toContain("[==========");
    } finally {
      spy.mockRestore();
    }
  });
});

describe("streaming .xlsx reader (xlsxStream.ts)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-xlsx-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("gives the cells and the case table of reading the whole workbook: gaps, short rows, dates, formulas, rich text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "nothing here";
    const ws = wb.addWorksheet("出院病例");
    ws.addRow(["2024 年出院病例"]);
    ws.addRow(["DRG编码", "出院日期", "住院总费用", "科室", "病案号"]);
    for (let i = 0; i < 80; i++) {
      if (i === 30) continue; // an empty row inside the data
      const r = ws.getRow(i + 3);
      const cost = i % 9 === 0 ? { formula: "1000+234.5", result: 1234.5 + i } : i === 40 ? null : 100 + i;
      const dept = i % 5 === 0 ? { richText: [{ text: "内" }, { text: "科" }] } : "外科";
      r.values = i === 50 ? [`GB1${i % 4}`] : [`GB1${i % 4}`, new Date(Date.UTC(2024, 2, 5 + i)), cost, dept, `00${i}`];
    }
    const file = path.join(dir, "cases.xlsx");
    await wb.xlsx.writeFile(file);
    const whole = (await readXlsx(file, "出院病例")).grid;
    const stream = await readXlsxStream(file, "出院病例");
    expect(stream.sheet).toBe("出院病例");
    expect(stream.grid.rowCount).toBe(whole.rowCount);
    expect(stream.grid.columnCount).toBe(whole.columnCount);
    for (let c = 0; c <= whole.columnCount; c++) {
      expect(stream.grid.column(c, 0)).toEqual(whole.column(c, 0));
      for (let r = 0; r < whole.rowCount; r++) expect(stream.grid.cell(r, c)).toEqual(whole.cell(r, c));
    }
    expect(readCaseTable(stream.grid)).toEqual(readCaseTable(whole));
    expect((await readXlsxStream(file)).sheet).toBe("说明");
    await expect(readXlsxStream(file, "无此表")).rejects.toThrow(/no sheet "无此表"; its sheets: 说明, 出院病例/);
  });
});
