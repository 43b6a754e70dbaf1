import fc from "fast-check";
import { setLanguage } from "../../src/functions/excel";
import { lowRiskMortality, riskLevel } from "../../src/functions/quality";
import { col, thrown } from "../helpers/cells";

/** Cases of groups: [code, cases, deaths] -> groups and died columns (first `deaths` rows died). */
function cases(spec: [string, number, number][], died: [unknown, unknown] = [1, 0]): { groups: unknown[]; died: unknown[] } {
  const groups: unknown[] = [];
  const flags: unknown[] = [];
  for (const [code, n, d] of spec) {
    for (let i = 0; i < n; i++) {
      groups.push(code);
      flags.push(i < d ? died[0] : died[1]);
    }
  }
  return { groups, died: flags };
}

afterEach(() => setLanguage(undefined));

describe("RISK_LEVEL", () => {
  // GA 8 cases 1 death (M 1/8), GB 4/1 (1/4), GC 2/1 (1/2), GD 3/0.
  // ln M = -3L, -2L, -L (L = ln 2); mean -2L, sample SD L: z = -1, 0, 1 -> levels 2, 3, 4 (on the cut points)
  const data = cases([["GA", 8, 1], ["GB", 4, 1], ["GC", 2, 1], ["GD", 3, 0]]);

  test("spills group, cases, deaths, mortality, z, level; boundaries z = -1, 0, 1 give 2, 3, 4", () => {
    const out = riskLevel(col("DRG编码", ...data.groups), col("死亡", ...data.died));
    expect(out.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ["GA", 8, 1, 0.125, 2],
      ["GB", 4, 1, 0.25, 3],
      ["GC", 2, 1, 0.5, 4],
      ["GD", 3, 0, 0, 0],
    ]);
    expect(out[0][4]).toBeCloseTo(-1, 14);
    expect(out[2][4]).toBeCloseTo(1, 14);
    expect(out[3][4]).toBe("");
  });

  test("lookup returns levels in the shape of lookup; unknown codes #N/A with a message", () => {
    setLanguage("en");
    const out = riskLevel(col(...data.groups), col(...data.died), [["gc", "GA"], ["XX11", null]]);
    expect(out[0]).toEqual([4, 2]);
    expect(out[1][0]).toEqual({ code: "#N/A", message: "XX11 has no cases in groups" });
    expect(out[1][1]).toBe("");
    setLanguage("zh");
    expect(riskLevel(col(...data.groups), col(...data.died), [["XX11"]])[0][0]).toEqual({ code: "#N/A", message: "XX11 在 groups 中没有病例" });
  });

  test("a 离院方式 column: only code 5 is death, 1 is discharge on medical advice", () => {
    // the same deaths written as discharge-way codes: died 5, others 1 (some 2 and 9)
    const way = cases([["GA", 8, 1], ["GB", 4, 1], ["GC", 2, 1], ["GD", 3, 0]], [5, 1]);
    way.died[1] = 2;
    way.died[2] = 9;
    const out = riskLevel(col(...way.groups), col(...way.died));
    expect(out.map((r) => r[5])).toEqual([2, 3, 4, 0]);
    // with the header 离院方式, a column of only 1s is read as discharge way: nobody died
    const allOnes = riskLevel(col("病组", "GA", "GA"), col("离院方式", 1, 1));
    expect(allOnes).toEqual([["GA", 2, 0, 0, "", 0]]);
    // with the header 是否死亡 it is a died flag: both died (a headerless column of only 1s is an error, below)
    expect(riskLevel(col("DRG编码", "GA", "GA"), col("是否死亡", 1, 1))[0].slice(0, 3)).toEqual(["GA", 2, 2]);
  });

  test("TRUE/FALSE, 是/否, 死亡 and coded text", () => {
    const out = riskLevel(col("A", "A", "A", "A", "A", "A"), col(true, false, "是", "否", "死亡", "5.死亡"));
    expect(out[0].slice(0, 4)).toEqual(["A", 6, 4, 4 / 6]);
  });

  test("counts: died is the number of deaths in the row", () => {
    // A: 100 + 100 cases, 1 + 1 deaths -> M 0.01; B: 50 cases 5 deaths -> M 0.1
    const out = riskLevel(col("DRG编码", "A", "A", "B"), col("死亡人数", 1, 1, 5), undefined, col("病例数", 100, 100, 50));
    expect(out.map((r) => r.slice(0, 4))).toEqual([
      ["A", 200, 2, 0.01],
      ["B", 50, 5, 0.1],
    ]);
  });

  test("bad died values name the argument and the row (after the header), in both languages", () => {
    setLanguage("en");
    const e = thrown(() => riskLevel(col("DRG编码", "A", "A"), col("死亡", 1, "maybe")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('died row 3: "maybe" is not a died value (1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code 5)');
    setLanguage("zh");
    expect(thrown(() => riskLevel(col("A", "A"), col(5, 7))).message).toMatch(/^died 第 2 行："7" 不是离院方式代码/);
    expect(thrown(() => riskLevel(col("A", "A"), col(1))).message).toBe("died 有 1 行，而 groups 有 2 行，两者大小必须相同");
  });

  test("skipped rows are reported in a last row; padding rows are not", () => {
    setLanguage("en");
    // row 2 has a died value but no group: skipped and reported; row 4 is blank: range padding
    const out = riskLevel(col("A", "", "A", null), col(1, 1, 0, null));
    expect(out[0].slice(0, 3)).toEqual(["A", 2, 1]);
    expect(out[1]).toEqual(["(skipped: 1 with an empty group)", "", "", "", "", ""]);
    expect(out).toHaveLength(2);
  });
});

describe("LOW_RISK_MORTALITY", () => {
  // Benchmark (region): M = 0.01, 0.02, 0.05, 0.1, 0.4 for A1..A5 (100 cases each).
  // ln M mean -2.9464, SD 1.4337: z(A1) = -1.157 -> level 1, the only low-risk group.
  const region = cases([["A1", 100, 1], ["A2", 100, 2], ["A3", 100, 5], ["A4", 100, 10], ["A5", 100, 40]]);

  test("levels from the benchmark; one number without by", () => {
    // unit: A1 x 4 (1 died), A5 x 3 (2 died): level-1 cases 4, deaths 1 -> 0.25
    const unit = cases([["A1", 4, 1], ["A5", 3, 2]]);
    const out = lowRiskMortality(col(...unit.groups), col(...unit.died), undefined, col(...region.groups), col(...region.died));
    expect(out).toEqual([[0.25]]);
  });

  test("levels from the data itself", () => {
    // A1 is level 1 within the region data: 1 / 100
    expect(lowRiskMortality(col(...region.groups), col(...region.died))).toEqual([[0.01]]);
  });

  test("by department: key, level-1 cases, deaths, rate; #DIV/0! without level-1 cases", () => {
    // 内科: A1 x 2 (1 died) -> 1/2; 外科: A1 x 3 (0 died) -> 0; 儿科: only A5 -> #DIV/0!
    const out = lowRiskMortality(
      col("DRG编码", "A1", "A1", "A1", "A1", "A1", "A5"),
      col("是否死亡", "是", "否", "否", "否", "否", "是"),
      col("科室", "内科", "外科", "内科", "外科", "外科", "儿科"),
      col(...region.groups),
      col(...region.died),
    );
    expect(out).toEqual([
      ["儿科", 0, 0, { code: "#DIV/0!" }],
      ["内科", 2, 1, 0.5],
      ["外科", 3, 0, 0],
    ]);
  });

  test("benchmark arguments go together", () => {
    setLanguage("en");
    const e = thrown(() => lowRiskMortality(col("A1"), col(1), undefined, col("A1")));
    expect(e.message).toBe("benchmark_groups and benchmark_died go together: give both or neither");
  });

  test("no level-1 case at all: #DIV/0!", () => {
    expect(lowRiskMortality(col("A5", "A5"), col(1, 0), undefined, col(...region.groups), col(...region.died))).toEqual([
      [{ code: "#DIV/0!" }],
    ]);
  });
});

describe("died encoding, level tables and counts (issue 16, items 5 and 11)", () => {
  // Region: M = 0.01, 0.02, 0.05, 0.1, 0.4 for GB11, A2..A5 (100 cases each): GB11 is the only
  // level-1 group (z = -1.157). Written as 离院方式: 5 died, 1 on medical advice, one 2 per group.
  const region = cases(
    [
      ["GB11", 100, 1],
      ["A2", 100, 2],
      ["A3", 100, 5],
      ["A4", 100, 10],
      ["A5", 100, 40],
    ],
    [5, 1],
  );
  region.died[99] = 2;
  const five = col("GB11", "GB11", "GB11", "GB11", "GB11");
  const allOnes = col(1, 1, 1, 1, 1);

  test("five GB11 cases all 离院方式 = 1 with a 离院方式 benchmark: 0 / 5, not 5 / 5", () => {
    // the benchmark holds codes 2 and 5, so the data's 1s are discharges on medical advice:
    // level-1 cases 5, deaths 0 -> 0 (before the fix the data read as a flag: 5 / 5 = 1)
    expect(lowRiskMortality(five, allOnes, undefined, col(...region.groups), col(...region.died))).toEqual([[0]]);
  });

  test("the data alone, all 1s without a header: #VALUE! asking for died_kind, in both languages", () => {
    setLanguage("en");
    const e = thrown(() => lowRiskMortality(five, allOnes));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^died: every value is 1, .*; give died_kind \("flag" or "discharge_way"\), or include/);
    setLanguage("zh");
    expect(thrown(() => riskLevel(five, allOnes)).message).toMatch(/^died：所有值都是 1，.*请提供 died_kind/);
  });

  test("died_kind decides: with GB11 listed as low-risk, discharge_way 0 / 5 = 0, flag 5 / 5 = 1", () => {
    const list = col("DRG编码", "GB11");
    expect(lowRiskMortality(five, allOnes, undefined, undefined, undefined, list, undefined, "discharge_way")).toEqual([
      [0],
    ]);
    expect(lowRiskMortality(five, allOnes, undefined, undefined, undefined, list, undefined, "FLAG")).toEqual([[1]]);
    // RISK_LEVEL: two GA cases read as flags, both died
    expect(riskLevel(col("GA", "GA"), col(1, 1), undefined, undefined, "flag")[0].slice(0, 3)).toEqual(["GA", 2, 2]);
    setLanguage("en");
    expect(thrown(() => riskLevel(col("GA"), col(1), undefined, undefined, "death")).message).toBe(
      'died_kind: "death" is not one of flag, discharge_way',
    );
  });

  // Flag region of the tests above: A1 the only level-1 group.
  const flags = cases([
    ["A1", 100, 1],
    ["A2", 100, 2],
    ["A3", 100, 5],
    ["A4", 100, 10],
    ["A5", 100, 40],
  ]);
  // unit: A1 x 4 (1 died), A5 x 3 (2 died): level-1 cases 4, deaths 1 -> 0.25
  const unit = cases([
    ["A1", 4, 1],
    ["A5", 3, 2],
  ]);

  test("levels: RISK_LEVEL's spill, a published table with words, or a low-risk list give 0.25", () => {
    const spill = riskLevel(col(...flags.groups), col(...flags.died));
    // z = -1.157, -0.674, -0.035, 0.449, 1.416 (ln M mean -2.946, SD 1.434): levels 1, 2, 2, 3, 4
    expect(spill.map((r) => r[5])).toEqual([1, 2, 2, 3, 4]);
    const low = (levels: unknown[][]) =>
      lowRiskMortality(col(...unit.groups), col(...unit.died), undefined, undefined, undefined, levels);
    expect(low(spill)).toEqual([[0.25]]);
    expect(
      low([
        ["DRG编码", "风险等级"],
        ["A1", "低风险"],
        ["A5", "高风险"],
      ]),
    ).toEqual([[0.25]]);
    expect(low(col("A1"))).toEqual([[0.25]]);
    // A5 listed as well: 7 cases, 3 deaths
    expect(low(col("A1", "A5"))[0][0]).toBeCloseTo(3 / 7, 15);
  });

  test("levels errors: a bad level names the row; levels and a benchmark are one or the other", () => {
    setLanguage("en");
    const bad = () =>
      lowRiskMortality(col("A1"), col(0), undefined, undefined, undefined, [
        ["病组", "等级"],
        ["A1", "低"],
        ["A2", "x"],
      ]);
    expect(thrown(bad).message).toBe(
      'levels row 3: "x" is not a risk level (0 to 4, or 低风险, 中低风险, 中高风险, 高风险)',
    );
    const both = () => lowRiskMortality(col("A1"), col(0), undefined, col("A1"), col(0), col("A1"));
    expect(thrown(both).message).toBe("levels and benchmark_groups both give the risk levels: give one of them");
    setLanguage("zh");
    expect(thrown(both).message).toBe("levels 与 benchmark_groups 都用于确定风险等级，只能提供其中之一");
  });

  test("counts: aggregated rows, died the deaths of each row", () => {
    // A1 one row of 4 cases (1 death), A5 one row of 3 (2 deaths): 1 / 4 against the region
    const bench = [undefined, col(...flags.groups), col(...flags.died)] as const;
    const out = lowRiskMortality(
      col("DRG编码", "A1", "A5"),
      col("死亡人数", 1, 2),
      ...bench,
      undefined,
      col("病例数", 4, 3),
    );
    expect(out).toEqual([[0.25]]);
    // by department: 内科 A1 2 cases 1 death -> 0.5; 外科 A1 2 cases 0 deaths + A5 -> 0
    const byDept = lowRiskMortality(
      col("A1", "A1", "A5"),
      col(1, 0, 2),
      col("内科", "外科", "外科"),
      bench[1],
      bench[2],
      undefined,
      col(2, 2, 3),
    );
    expect(byDept).toEqual([
      ["内科", 2, 1, 0.5],
      ["外科", 2, 0, 0],
    ]);
  });

  test("property: aggregated rows with counts give what their case rows give", () => {
    const row = fc
      .tuple(fc.constantFrom("A1", "A2", "A5"), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }))
      .map(([g, n, d]) => [g, n, Math.min(n, d)] as [string, number, number]);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const expanded = cases(rows);
        const bench = [col(...flags.groups), col(...flags.died)] as const;
        const byCase = lowRiskMortality(
          col("DRG编码", ...expanded.groups),
          col("是否死亡", ...expanded.died),
          undefined,
          ...bench,
        );
        const aggregated = lowRiskMortality(
          col(...rows.map((r) => r[0])),
          col(...rows.map((r) => r[2])),
          undefined,
          ...bench,
          undefined,
          col(...rows.map((r) => r[1])),
        );
        expect(aggregated).toEqual(byCase);
      }),
    );
  });

  test("property: RISK_LEVEL's spill as levels gives what its benchmark gives", () => {
    const group = fc.constantFrom("A1", "A2", "A3", "A4", "A5");
    const spec = fc.tuple(group, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }));
    const specs = fc
      .array(spec, { minLength: 1, maxLength: 6 })
      .map((xs) => xs.map(([g, n, d]) => [g, n, Math.min(n, d)] as [string, number, number]));
    fc.assert(
      fc.property(specs, specs, (benchSpec, unitSpec) => {
        const bench = cases(benchSpec);
        const unit = cases(unitSpec);
        const g = col("DRG编码", ...unit.groups);
        const d = col("是否死亡", ...unit.died);
        const bg = col("DRG编码", ...bench.groups);
        const bd = col("是否死亡", ...bench.died);
        const spill = riskLevel(bg, bd);
        const fromSpill = lowRiskMortality(g, d, undefined, undefined, undefined, spill);
        expect(fromSpill).toEqual(lowRiskMortality(g, d, undefined, bg, bd));
      }),
    );
  });
});
