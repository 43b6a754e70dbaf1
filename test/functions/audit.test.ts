import fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { weightAudit, weightNeutrality, weightRescale } from "../../src/functions/audit";
import { setLanguage } from "../../src/functions/excel";
import { col, thrown } from "../helpers/cells";

afterEach(() => setLanguage(undefined));

describe("WEIGHT_AUDIT", () => {
  // The three-group example of the engine test: base 2 / 1.5 / 1, adjusted 2.4 / 1.5 / 0.8,
  // volume 10 / 20 / 30 cases: 80 -> 78 (-2.50%), factor 80 / 78 = 1.025641.
  const groups = col("DRG编码", "GB11", "GB13", "GB15");
  const weights = col("权重", 2, 1.5, 1);
  const adjusted = col("调整后权重", 2.4, 1.5, 0.8);
  const volume = [
    ["DRG编码", "病例数"],
    ["GB11", 10],
    ["GB13", 20],
    ["GB15", 30],
  ];

  test("one finding a row: kind, family, groups, weights, detail (English)", () => {
    setLanguage("en");
    const out = weightAudit(groups, weights, adjusted, volume);
    expect(out).toEqual([
      [
        "total weight changed",
        "",
        "",
        "80 → 78",
        "total weight over 60 cases: 80 before, 78 after (-2.50%); multiply the adjusted weights by 1.025641 to restore it",
      ],
      ["large change", "GB1", "GB11", "2 → 2.4", "GB11: 2 → 2.4 (+20.00%); 10 cases, total weight +4"],
      ["large change", "GB1", "GB15", "1 → 0.8", "GB15: 1 → 0.8 (-20.00%); 30 cases, total weight -6"],
    ]);
  });

  test("the same in Chinese; largest_changes limits the change rows", () => {
    setLanguage("zh");
    const out = weightAudit(groups, weights, adjusted, volume, undefined, 1);
    expect(out.map((r) => r[0])).toEqual(["总权重变化", "调整幅度大"]);
    expect(out[0][4]).toBe("按 60 例计算，调整前总权重 80，调整后 78（-2.50%）；调整后权重乘以 1.025641 可还原总权重");
    expect(out[1][4]).toBe("GB11：2 → 2.4（+20.00%）；10 例，总权重 +4");
  });

  test("a table alone: severity inversions, one row a pair", () => {
    setLanguage("en");
    const out = weightAudit(col("JR11", "JR13", "JR15", "GB11"), col(0.5372, 0.7392, 0.7554, 2));
    expect(out.map((r) => r.slice(0, 4))).toEqual([
      ["severity order", "JR1", "JR11 < JR13", "0.5372 < 0.7392"],
      ["severity order", "JR1", "JR11 < JR15", "0.5372 < 0.7554"],
      ["severity order", "JR1", "JR13 < JR15", "0.7392 < 0.7554"],
    ]);
    expect(out[0][4]).toBe("in the table, JR11 (1: MCC, 0.5372) weighs less than JR13 (3: CC, 0.7392): 0.202 lighter (27.33%)");
  });

  test("volume as one column of case rows; names give MS-DRG families", () => {
    setLanguage("en");
    const out = weightAudit(
      col("193", "194", "195"),
      col(1.2, 1.3, 0.7),
      undefined,
      col("193", "193", "194"),
      col("SIMPLE PNEUMONIA & PLEURISY W MCC", "SIMPLE PNEUMONIA & PLEURISY W CC", "SIMPLE PNEUMONIA & PLEURISY W/O CC/MCC"),
    );
    expect(out).toHaveLength(1);
    expect(out[0].slice(0, 4)).toEqual(["severity order", "SIMPLE PNEUMONIA & PLEURISY", "193 < 194", "1.2 < 1.3"]);
    // 2 cases of 193 and 1 of 194.
    expect(out[0][4]).toMatch(/; 3 cases$/);
  });

  test("no findings: one row saying so, not an error", () => {
    setLanguage("en");
    const out = weightAudit(col("GB11", "GB13"), col(2, 1), col(2, 1));
    expect(out).toHaveLength(1);
    expect(out[0].slice(0, 4)).toEqual(["no findings", "", "", ""]);
    setLanguage("zh");
    expect(weightAudit(col("GB11", "GB13"), col(2, 1))[0][0]).toBe("未发现问题");
  });

  test("errors in the user's language, naming the argument and the row", () => {
    setLanguage("en");
    expect(thrown(() => weightAudit(groups, col("权重", 2, "abc", 1)))).toEqual({
      code: "#VALUE!",
      message: 'weights row 3: "abc" is not a number',
    });
    expect(thrown(() => weightAudit(groups, weights, adjusted, [["GB11", 1, 2]])).message).toBe(
      "volume must have 1 column (the group of each case, or the cases of each row of groups) or 2 (group code, case count); it has 3",
    );
    expect(thrown(() => weightAudit(groups, weights, adjusted, [["GB11", 1], ["GB13", "x"]])).message).toBe(
      'volume row 2: "x" is not a number',
    );
    // A text count in the first row is a header row, and row numbers then start at 2.
    expect(thrown(() => weightAudit(groups, weights, adjusted, [["组", "例数"], ["GB13", -2]])).message).toBe(
      "volume row 2: -2 is negative; it must be zero or more",
    );
    expect(thrown(() => weightAudit(groups, col(1, 2))).message).toBe(
      "weights has 2 rows but groups has 4; they must be the same size",
    );
    expect(thrown(() => weightAudit(groups, weights, undefined, undefined, undefined, -1)).message).toBe(
      'largest_changes: "-1" must be a whole number of at least 0',
    );
    setLanguage("zh");
    expect(thrown(() => weightAudit(groups, col("权重", 2, "abc", 1))).message).toBe('weights 第 3 行："abc" 不是数字');
    expect(thrown(() => weightAudit(col("A", "a"), col(1, 2))).message).toBe("weights 第 2 行：A 重复出现且权重不同（1 与 2）");
  });
});

describe("WEIGHT_NEUTRALITY", () => {
  test("1x4: total before, total after, relative change, restoring factor", () => {
    const out = weightNeutrality(
      col("GB11", "GB13", "GB15"),
      col(2, 1.5, 1),
      col(2.4, 1.5, 0.8),
      [["GB11", 10], ["GB13", 20], ["GB15", 30]],
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(4);
    const [before, after, change, factor] = out[0] as number[];
    expect(before).toBeCloseTo(80, 12);
    expect(after).toBeCloseTo(78, 12);
    expect(change).toBeCloseTo(-0.025, 14);
    expect(factor).toBeCloseTo(80 / 78, 14);
  });

  test("without a volume each group counts once: 4.5 -> 4.7", () => {
    const [before, after] = weightNeutrality(col("GB11", "GB13", "GB15"), col(2, 1.5, 1), col(2.4, 1.5, 0.8))[0] as number[];
    expect(before).toBeCloseTo(4.5, 12);
    expect(after).toBeCloseTo(4.7, 12);
  });

  test("no covered case: #DIV/0! cells, never NaN", () => {
    const out = weightNeutrality(col("A", "B"), col(1, ""), col("", 2), col("A", "B"));
    expect(out[0][0]).toBe(0);
    expect(out[0][1]).toBe(0);
    expect(out[0][2]).toEqual({ code: "#DIV/0!" });
    expect(out[0][3]).toEqual({ code: "#DIV/0!" });
  });

  test("adjusted is required", () => {
    setLanguage("en");
    expect(thrown(() => weightNeutrality(col("A"), col(1), undefined as never)).message).toBe(
      "adjusted is required: the adjusted weight of each group",
    );
    setLanguage("zh");
    expect(thrown(() => weightNeutrality(col("A"), col(1), undefined as never)).message).toBe(
      "缺少 adjusted 参数：每个病组调整后的权重",
    );
  });
});

describe("WEIGHT_RESCALE", () => {
  test("the adjusted weights times the restoring factor, in the shape of groups", () => {
    setLanguage("en");
    // factor 80 / 78: 2.4 -> 2.461538..., 1.5 -> 1.538461..., 0.8 -> 0.820512...
    const out = weightRescale(
      col("DRG", "GB11", "GB13", "GB15", "GB17", ""),
      col("adjusted", 2.4, 1.5, 0.8, "", 3),
      col("weight", 2, 1.5, 1, 0.5, ""),
      [["GB11", 10], ["GB13", 20], ["GB15", 30]],
    );
    expect(out.map((r) => r.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(out[0][0]).toBe("rescaled weight");
    expect(out[1][0]).toBeCloseTo((2.4 * 80) / 78, 14);
    expect(out[2][0]).toBeCloseTo((1.5 * 80) / 78, 14);
    expect(out[3][0]).toBeCloseTo((0.8 * 80) / 78, 14);
    expect(out[4][0]).toBe("");
    expect(out[5][0]).toBe("");
    const total = 10 * (out[1][0] as number) + 20 * (out[2][0] as number) + 30 * (out[3][0] as number);
    expect(total / 80 - 1).toBeCloseTo(0, 12);
  });

  test("a row of groups gives a row", () => {
    const out = weightRescale([["A", "B"]], [[1, 3]], [[1, 2]]);
    // factor (1 + 2) / (1 + 3) = 0.75
    expect(out).toEqual([[0.75, 2.25]]);
  });

  test("a zero adjusted total is #DIV/0! with a message in the user's language", () => {
    setLanguage("zh");
    const e = thrown(() => weightRescale(col("A", "B"), col(0, 0), col(1, 1)));
    expect(e.code).toBe("#DIV/0!");
    expect(e.message).toBe("调整后总权重为 0（没有病例在两表中都有权重），无法求得还原总权重的系数");
  });
});

describe("zh-CN metadata", () => {
  test("every function and parameter of audit.ts is described in Chinese", () => {
    const source = fs.readFileSync(path.join(__dirname, "../../src/functions/audit.ts"), "utf8");
    const locale = JSON.parse(
      fs.readFileSync(path.join(__dirname, "../../src/functions/locale/audit.zh-CN.json"), "utf8"),
    ) as Record<string, { description: string; parameters: Record<string, string> }>;
    const blocks = source.split("/**").slice(1);
    const ids: string[] = [];
    for (const block of blocks) {
      const id = /@customfunction (\w+)/.exec(block)?.[1];
      if (!id) continue;
      ids.push(id);
      const params = [...block.matchAll(/@param \[?(\w+)\]?/g)].map((m) => m[1]);
      expect(Object.keys(locale[id].parameters).sort()).toEqual(params.sort());
      expect(locale[id].description).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(ids.sort()).toEqual(Object.keys(locale).sort());
    expect(ids).toHaveLength(3);
  });
});

describe("WEIGHT_NEUTRALITY: a one-column count volume on the rows of the table (issue 16, item 7)", () => {
  // base 2 / 1.5 / 1, adjusted 2.4 / 1.5 / 0.8, cases 10 / 20 / 30 on the same rows:
  // before 10 x 2 + 20 x 1.5 + 30 x 1 = 80, after 24 + 30 + 24 = 78, change -2 / 80 = -0.025,
  // factor 80 / 78 = 1.025641 (before the fix the counts read as group codes "10", "20", "30":
  // totals 0, then #DIV/0!)
  const groups = col("DRG编码", "GB11", "GB13", "GB15");
  const weights = col("权重", 2, 1.5, 1);
  const adjusted = col("调整后权重", 2.4, 1.5, 0.8);
  const expectNeutrality = (out: unknown[][], expected: number[]) => {
    expect(out).toHaveLength(1);
    (out[0] as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  };

  test("with the header rows, and without", () => {
    expectNeutrality(weightNeutrality(groups, weights, adjusted, col("病例数", 10, 20, 30)), [80, 78, -0.025, 80 / 78]);
    const bare = (c: unknown[][]) => c.slice(1);
    expectNeutrality(weightNeutrality(bare(groups), bare(weights), bare(adjusted), col(10, 20, 30)), [80, 78, -0.025, 80 / 78]);
    // a blank count is a row without cases
    expectNeutrality(weightNeutrality(groups, weights, adjusted, col("病例数", 10, "", 30)), [50, 48, -0.04, 50 / 48]);
  });

  test("WEIGHT_RESCALE and WEIGHT_AUDIT read it the same way", () => {
    setLanguage("zh");
    const out = weightRescale(groups, adjusted, weights, col("病例数", 10, 20, 30));
    expect(out[0]).toEqual(["还原后权重"]);
    [2.4, 1.5, 0.8].forEach((w, i) => expect(out[i + 1][0]).toBeCloseTo((w * 80) / 78, 12));
    setLanguage("en");
    expect(weightAudit(groups, weights, adjusted, col("病例数", 10, 20, 30))[0][3]).toBe("80 → 78");
  });

  test("numbers that are group codes of the table (MS-DRG) are still the group of each case", () => {
    // 193 twice, 194 once: before 2 x 1.2 + 1.3 = 3.7, after 2 x 1.3 + 1.3 = 3.9
    const out = weightNeutrality(col(193, 194), col(1.2, 1.3), col(1.3, 1.3), col(193, 193, 194));
    expectNeutrality(out, [3.7, 3.9, 0.2 / 3.7, 3.7 / 3.9]);
  });

  test("a volume read neither way is an error naming volume, in both languages", () => {
    setLanguage("en");
    const short = () => weightNeutrality(groups, weights, adjusted, col("病例数", 10, 20));
    expect(thrown(short)).toEqual({
      code: "#VALUE!",
      message:
        "volume: a column of numbers is read as the cases of each row of groups, but it has 2 rows and groups has 3; give it on the same rows as groups, or give the group of each case (one column) or group code and case count (two columns)",
    });
    const unknown = () => weightNeutrality(groups, weights, adjusted, col("XX11", "XX13", "XX11"));
    expect(thrown(unknown).message).toBe(
      "volume: none of its 2 group codes (such as XX11) is in groups, so no case would count; give the group of each case, or the cases of each row of groups on the same rows",
    );
    expect(thrown(() => weightNeutrality(groups, weights, adjusted, col("病例数", 0, 0, 0))).message).toBe(
      "volume has no cases: every row is blank or has a count of 0",
    );
    setLanguage("zh");
    expect(thrown(short).message).toMatch(/^volume：一列数字按 groups 每行的病例数读取，但它有 2 行，而 groups 有 3 行/);
    expect(thrown(unknown).message).toMatch(/^volume：其 2 个病组编码（如 XX11）都不在 groups 中/);
  });

  test("property: counts on the rows = group code + count = one row a case", () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.nat(20), fc.nat(20)), (counts) => {
        const codes = ["GB11", "GB13", "GB15"];
        const caseRows = codes.flatMap((c, i) => Array<string>(counts[i]).fill(c));
        const perRow = weightNeutrality(groups, weights, adjusted, col("病例数", ...counts));
        const twoColumns = weightNeutrality(groups, weights, adjusted, codes.map((c, i) => [c, counts[i]]));
        const byCase = weightNeutrality(groups, weights, adjusted, col(...caseRows));
        for (const other of [twoColumns, byCase]) {
          (perRow[0] as number[]).forEach((v, i) => expect(v).toBeCloseTo((other[0] as number[])[i], 10));
        }
      }),
    );
  });
});
