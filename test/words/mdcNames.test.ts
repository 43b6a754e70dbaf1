/** The CHS-DRG MDC names (src/words/mdcNames.ts): all 26 letters, and the label a report shows. */
import { MDC_NAMES, mdcLabel } from "../../src/words/mdcNames";

test("26 categories, A to Z, each named in both languages", () => {
  expect(Object.keys(MDC_NAMES)).toEqual([..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"]);
  for (const name of Object.values(MDC_NAMES)) {
    expect(name.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(name.en).toMatch(/^[A-Z]/);
  }
});

test("a few names of the CHS-DRG table", () => {
  expect(MDC_NAMES.A.zh).toBe("先期分组疾病及相关操作");
  expect(MDC_NAMES.E.zh).toBe("呼吸系统疾病及功能障碍");
  expect(MDC_NAMES.F.zh).toBe("循环系统疾病及功能障碍");
  expect(MDC_NAMES.O.zh).toBe("妊娠、分娩及产褥期");
  expect(MDC_NAMES.Y.zh).toBe("HIV感染疾病及相关操作");
  expect(MDC_NAMES.Z.zh).toBe("多发严重创伤");
  expect(MDC_NAMES.W.en).toBe("Burns");
});

test("the label: letter, MDC code or any case; other text unchanged", () => {
  expect(mdcLabel("E", "zh")).toBe("MDCE 呼吸系统疾病及功能障碍");
  expect(mdcLabel(" e ", "en")).toBe("MDCE Diseases and disorders of the respiratory system");
  expect(mdcLabel("MDCZ", "zh")).toBe("MDCZ 多发严重创伤");
  for (const s of ["1", "", "EE", "constructor", "__proto__"]) expect(mdcLabel(s, "zh")).toBe(s);
});
