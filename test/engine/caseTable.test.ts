import * as fs from "fs";
import * as path from "path";
import {
  detectCaseColumns,
  findHeaderRow,
  Grid,
  gridFromColumns,
  gridFromRows,
  planCaseTable,
  readCaseTable,
  yearOfDate,
} from "../../src/engine/caseTable";
import { ColumnName } from "../../src/engine/columns";
import { CaseMixError } from "../../src/engine/text";

describe("detectCaseColumns", () => {
  it("maps exact headers, headers with a unit and headers containing a known word", () => {
    const { columns } = detectCaseColumns([
      "病案号",
      "医保统筹支付",
      "住院总费用(元)",
      "个人自付金额",
      "出院科室",
      "DRG编码",
      "住院天数（天）",
    ]);
    expect(columns).toEqual({ insurancePaid: 1, totalCost: 2, selfPay: 3, department: 4, drg: 5, los: 6 });
  });

  it("keeps the first header of a column and adds up split drug costs", () => {
    const r = detectCaseColumns(["DRG编码", "西药费", "中成药费(元)", "中草药费", "科室", "出院科室"]);
    expect(r.columns.department).toBe(4);
    expect(r.sources.drugCost).toEqual([1, 2, 3]);
  });

  it("does not take short words out of longer headers", () => {
    // "费用" and "DRG" are too short to be looked for inside another header
    expect(detectCaseColumns(["其他费用", "DRG权重值"]).columns).toEqual({});
  });
});

describe("findHeaderRow", () => {
  it("skips title lines above the header", () => {
    const grid = gridFromRows([
      ["2024年出院病例明细"],
      ["导出时间：2024-05-01"],
      ["病案号", "DRG编码", "科室"],
      ["1", "GB11", "内科"],
    ]);
    expect(findHeaderRow(grid)).toBe(2);
    expect(
      findHeaderRow(
        gridFromRows([
          ["a", "b"],
          ["1", "2"],
        ]),
      ),
    ).toBe(-1);
  });
});

describe("readCaseTable", () => {
  it("reads the module's example", () => {
    const t = readCaseTable([
      ["DRG编码", "住院总费用(元)"],
      ["GB11", "12,000"],
      ["", ""],
    ]);
    expect(t.groups.codes).toEqual(["GB11"]);
    expect(Array.from(t.numbers.totalCost as Float64Array)).toEqual([12000, NaN]);
    expect(t.skipped).toEqual({ blankRows: 1, emptyGroup: 0 });
    expect(t.headerRowNumber).toBe(1);
    expect(t.firstDataRow).toBe(2);
  });

  const rows = [
    ["出院病例"],
    [
      "病案号",
      "出院科室",
      "主诊医师",
      "DRG编码",
      "DRG名称",
      "出院日期",
      "住院总费用",
      "医保统筹支付",
      "个人自付",
      "离院方式",
      "西药费",
      "中成药费",
    ],
    ["1", "内科", "王伟", " gb11 ", "", "2023-12-31", "1,000.50", "800", "-20", "1", "10", "5"],
    ["2", "外科", "李娜", "GB11", "食管大手术", 45356, "2000", "1500", "300", "5", "", "7"],
    ["3", "", "", "", "", "2024/1/2", "10", "0", "0", "1", "", ""],
  ];

  it("reads typed columns, interns keys, names groups, derives the year and the deaths", () => {
    const t = readCaseTable(rows);
    expect(t.headerRowNumber).toBe(2);
    expect(t.firstDataRow).toBe(3);
    expect(t.groups.codes).toEqual(["GB11"]);
    expect(Array.from(t.groups.ids)).toEqual([0, 0, -1]);
    expect(t.groupNames).toEqual(["食管大手术"]);
    expect(t.department?.codes).toEqual(["内科", "外科"]);
    expect(t.years?.codes).toEqual(["2023", "2024"]);
    expect(Array.from(t.years?.ids ?? [])).toEqual([0, 1, 1]); // serial 45356 is 2024-03-05
    expect(Array.from(t.numbers.totalCost ?? [])).toEqual([1000.5, 2000, 10]);
    expect(Array.from(t.numbers.selfPay ?? [])).toEqual([-20, 300, 0]); // money received may be negative
    expect(Array.from(t.numbers.drugCost ?? [])).toEqual([15, 7, 0]); // 西药费 + 中成药费, blanks as 0
    expect(Array.from(t.deaths ?? [])).toEqual([0, 1, 0]);
    expect(t.diedEncoding).toBe("dischargeWay");
    expect(t.skipped).toEqual({ blankRows: 0, emptyGroup: 1 });
  });

  it("names the header and the source row of a bad number", () => {
    const bad = rows.map((r) => r.slice());
    bad[3][6] = "n/a";
    expect(() => readCaseTable(bad)).toThrow('住院总费用 row 4: "n/a" is not a number');
    try {
      readCaseTable(bad);
    } catch (e) {
      expect((e as CaseMixError).text.zh).toBe('住院总费用 第 4 行："n/a" 不是数字');
    }
    const negative = rows.map((r) => r.slice());
    negative[2][6] = "-5";
    expect(() => readCaseTable(negative)).toThrow(/住院总费用 row 3: -5 is negative/);
  });

  it("names a date that is not one", () => {
    const bad = rows.map((r) => r.slice());
    bad[2][5] = "昨天";
    expect(() => readCaseTable(bad)).toThrow('出院日期 row 3: "昨天" is not a date');
  });

  it("reads only the columns asked for", () => {
    const bad = rows.map((r) => r.slice());
    bad[2][6] = "n/a";
    const t = readCaseTable(bad, { columns: ["drg", "department"] });
    expect(t.numbers.totalCost).toBeUndefined();
    expect(t.doctor).toBeUndefined();
    expect(t.department?.codes).toEqual(["内科", "外科"]);
  });

  it("takes the user's corrections of the mapping", () => {
    const t = readCaseTable(rows, { mapping: { department: "主诊医师", doctor: null, totalCost: 7 } });
    expect(t.department?.codes).toEqual(["王伟", "李娜"]);
    expect(t.doctor).toBeUndefined();
    expect(Array.from(t.numbers.totalCost ?? [])).toEqual([800, 1500, 0]);
    expect(() => readCaseTable(rows, { mapping: { department: "科室名称" } })).toThrow(/no header is "科室名称"/);
    expect(() => readCaseTable(rows, { mapping: { department: 40 } })).toThrow(/column 40/);
  });

  it("says which required columns are missing", () => {
    expect(() => readCaseTable(rows, { required: ["drg", "materialCost", "allocatedDirect"] })).toThrow(
      /missing columns: material cost \(a header such as 耗材费, 卫生材料费, 医用耗材\); allocated direct cost/,
    );
    expect(() =>
      readCaseTable([
        ["a", "b"],
        ["1", "2"],
      ]),
    ).toThrow(/no header row naming the DRG group/);
  });

  it("reads a column-wise grid the same way", () => {
    const columns = rows[1].map((_, c) => rows.slice(1).map((r) => r[c]));
    const a = readCaseTable(rows.slice(1));
    const b = readCaseTable(gridFromColumns(columns));
    expect(Array.from(b.numbers.totalCost ?? [])).toEqual(Array.from(a.numbers.totalCost ?? []));
    expect(b.years?.codes).toEqual(a.years?.codes);
  });

  it("reads a case count for aggregated rows", () => {
    const t = readCaseTable([
      ["DRG组", "病例数", "死亡"],
      ["GB11", 10, 2],
      ["ES21", 5, 0],
    ]);
    expect(Array.from(t.numbers.cases ?? [])).toEqual([10, 5]);
    expect(t.diedEncoding).toBe("count");
    expect(Array.from(t.deaths ?? [])).toEqual([2, 0]);
  });
});

describe("yearOfDate", () => {
  it("reads dates in the forms exports use", () => {
    expect(yearOfDate("2024-03-05")).toBe("2024");
    expect(yearOfDate("2024/3/5")).toBe("2024");
    expect(yearOfDate("2024年3月5日")).toBe("2024");
    expect(yearOfDate("20240305")).toBe("2024");
    expect(yearOfDate(20240305)).toBe("2024");
    expect(yearOfDate(45356)).toBe("2024");
    expect(yearOfDate(2023)).toBe("2023");
    expect(yearOfDate(new Date(Date.UTC(2022, 11, 31)))).toBe("2022");
    expect(yearOfDate("")).toBe("");
    expect(yearOfDate("soon")).toBeUndefined();
  });
});

describe("planCaseTable: the columns readCaseTable reads", () => {
  // The sample export: 17 columns, a blank row and a row without a group added at the end.
  const text = fs.readFileSync(path.join(__dirname, "../../samples/cases.csv"), "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split(/\r?\n/).slice(0, 400);
  const rows: string[][] = lines.map((l) => l.split(","));
  const width = rows[0].length;
  rows.push(new Array(width).fill(""));
  rows.push(rows[5].map((v, c) => (c === rows[0].indexOf("DRG编码") ? "" : v)));
  const grid = gridFromRows(rows);

  /**
   * The grid as a reader keeping only the planned columns has it: the first 32 rows whole (where
   * the header is looked for), below them any other column read throws; blank rows from the whole row.
   */
  function only(reads: readonly number[]): Grid {
    const kept = new Set(reads);
    const check = (c: number) => {
      if (!kept.has(c)) throw new Error(`column ${c} is read but not planned`);
    };
    return {
      rowCount: grid.rowCount,
      columnCount: grid.columnCount,
      cell: (r, c) => {
        if (r >= 32) check(c);
        return grid.cell(r, c);
      },
      column: (c, from) => {
        check(c);
        return grid.column(c, from);
      },
      rowBlank: (r) => rows[r].every((v) => v.trim() === ""),
    };
  }

  const choices: (readonly ColumnName[] | undefined)[] = [
    undefined,
    [
      "drg",
      "insurancePaid",
      "selfPay",
      "drugCost",
      "materialCost",
      "totalCost",
      "department",
      "drgName",
      "cases",
      "year",
      "dischargeDate",
    ],
    ["drg", "died", "cases"],
    ["drg", "year", "dischargeDate"],
    ["drg", "cases", "hospital", "department"],
    ["drg", "los", "doctor", "allocatedDirect", "allocatedAux", "allocatedAdmin"],
  ];
  it.each(choices.map((c) => [c?.join(" ") ?? "every mapped column", c]))("%s", (_, columns) => {
    const options = { columns: columns as readonly ColumnName[] | undefined };
    const plan = planCaseTable(grid, options);
    expect(plan.reads.length).toBeLessThanOrEqual(width);
    expect(readCaseTable(only(plan.reads), options)).toEqual(readCaseTable(grid, options));
  });

  it("leaves out what is not asked for, and keeps the parts of a split drug cost", () => {
    const plan = planCaseTable(grid, { columns: ["drg", "died", "cases"] });
    // DRG编码 (3), DRG名称 (4, group names are always read), 离院方式 (7)
    expect(plan.reads).toEqual([3, 4, 7]);
    const split = planCaseTable([["DRG编码", "西药费", "病案号", "中成药费"]], { columns: ["drg", "drugCost"] });
    expect(split.sources.drugCost).toEqual([1, 3]);
    expect(split.reads).toEqual([0, 1, 3]);
  });
});

describe("readCaseTable: the died column, with the rule of the custom functions (issue 16, item 5)", () => {
  const table = (header: string, ...died: unknown[]) => [["DRG编码", header], ...died.map((d) => ["GB11", d])];

  it("a 离院方式 column of only 1s: nobody died; a 是否死亡 column of only 1s: everybody died", () => {
    // a department's fill-down of 离院方式 = 1 (discharged on medical advice): 0 of 3 died
    const way = readCaseTable(table("离院方式", 1, 1, 1), { columns: ["drg", "died"] });
    expect([way.diedEncoding, Array.from(way.deaths ?? [])]).toEqual(["dischargeWay", [0, 0, 0]]);
    const flag = readCaseTable(table("是否死亡", 1, 1, 1), { columns: ["drg", "died"] });
    expect([flag.diedEncoding, Array.from(flag.deaths ?? [])]).toEqual(["flag", [1, 1, 1]]);
    // 出院方式 and LYFS (the pinyin initials) are discharge-way headers too
    expect(readCaseTable(table("LYFS", 1, 5), { columns: ["drg", "died"] }).diedEncoding).toBe("dischargeWay");
    expect(readCaseTable(table("出院方式", 1, 1), { columns: ["drg", "died"] }).diedEncoding).toBe("dischargeWay");
  });

  it("a column mapped by hand whose header says nothing: only 1s is an error naming it, unless the call decides", () => {
    const rows = table("结局", 1, 1);
    const options = { columns: ["drg", "died"] as ColumnName[], mapping: { died: "结局" } };
    let e: CaseMixError | undefined;
    try {
      readCaseTable(rows, options);
    } catch (err) {
      e = err as CaseMixError;
    }
    expect(e?.text.en).toMatch(/^结局: every value is 1, .*; name the column 是否死亡 \(a died flag\) or 离院方式/);
    // the kind given, or the encoding of a benchmark read in the same run, settles it
    expect(Array.from(readCaseTable(rows, { ...options, died: { kind: "flag" } }).deaths ?? [])).toEqual([1, 1]);
    const settled = readCaseTable(rows, { ...options, died: { alongside: ["dischargeWay"] } });
    expect(Array.from(settled.deaths ?? [])).toEqual([0, 0]);
  });
});
