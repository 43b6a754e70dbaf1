/** What the command-line tests share: running `main` with captured output, and files in a temporary folder. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

export async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** A temporary folder, removed after the file's tests, and `file(name, text)` writing into it. */
export function tempFolder(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  return { dir, file };
}

/** Checks that `argv --out <existing file>` leaves the file alone, and that --force replaces it with a workbook. */
export async function expectNoOverwrite(argv: string[], out: string): Promise<void> {
  const r = await run([...argv, "--out", out]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/already exists|--force/);
  expect(fs.readFileSync(out, "utf8")).toBe("mine");
  const forced = await run([...argv, "--out", out, "--force"]);
  expect(forced.code).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
}
