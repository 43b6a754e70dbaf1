/** The second group column (drgB) of `casemix compare`: its header words, and drg detected as before. */
import { detectCaseColumns, readCaseTable } from "../../../src/engine/caseTable";
import { matchHeader } from "../../../src/engine/columns";

describe("the drgB column", () => {
  it.each([
    "医保DRG编码",
    "医保DRG",
    "医保DRG组",
    "医保分组编码",
    "医保DRG分组",
    "Insurance DRG",
    "ｉｎｓｕｒａｎｃｅ ｄｒｇ",
  ])("%s names drgB, not drg", (header) => {
    expect(matchHeader(header)).toBe("drgB");
    expect(detectCaseColumns(["DRG编码", header]).columns).toEqual({ drg: 0, drgB: 1 });
  });

  it("a header with a unit or a prefix around a drgB word is drgB; DRG headers stay drg", () => {
    expect(detectCaseColumns(["DRG编码", "医保DRG编码(2024版)"]).columns).toEqual({ drg: 0, drgB: 1 });
    for (const h of ["DRG编码", "DRG组", "DRG分组", "DRG组编码", "病组编码", "DIP编码", "MS-DRG", "DRG", "group"])
      expect(detectCaseColumns([h]).columns).toEqual({ drg: 0 });
    expect(detectCaseColumns(["DRG编码", "医保DRG名称"]).columns).toEqual({ drg: 0, drgName: 1 });
  });

  it("is the group column (drg) when it is the file's only one, as in a settlement-list export", () => {
    expect(detectCaseColumns(["医保DRG编码", "出院科室"]).columns).toEqual({ drg: 0, department: 1 });
    const t = readCaseTable([
      ["结算清单", ""],
      ["医保DRG编码", "出院科室"],
      ["GB11", "外科"],
    ]);
    expect(t.headerRowNumber).toBe(2);
    expect(t.groups.codes).toEqual(["GB11"]);
    expect(t.drgB).toBeUndefined();
  });

  it("is read as codes like the group column, an empty cell as id -1", () => {
    const t = readCaseTable([
      ["DRG编码", "医保DRG编码", "科室"],
      ["GB11", "ｇｂ１３", "外科"],
      ["GB11", "", "外科"],
    ]);
    expect(t.drgB?.codes).toEqual(["GB13"]);
    expect([...(t.drgB?.ids ?? [])]).toEqual([0, -1]);
    expect(readCaseTable([["DRG编码"], ["GB11"]]).drgB).toBeUndefined();
  });
});
