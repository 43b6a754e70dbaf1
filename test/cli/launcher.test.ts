/**
 * bin/casemix.js and scripts/build-cli.js on a small project of their own (a copy of the
 * launcher, the build script and the stamp module, two tsconfig files shaped like the
 * project's, a two-file command line and a taskpane file it does not import): the launcher
 * never compiles, runs the build's output only while the stamp matches the sources, and names
 * the changed file and the command to run otherwise; a failed build leaves nothing that could
 * run.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const ROOT = path.join(__dirname, "../..");
let dir: string;

// Node's and the DOM's types would make each compile take seconds: the small project declares what it uses.
const MAIN = `declare const process: { stdout: { write(text: string): void } };
import { greeting } from "../engine/greeting";
export async function main(argv: string[]): Promise<number> {
  process.stdout.write(greeting(argv.join(" ")));
  return argv.length;
}
`;
const TSCONFIG = {
  compilerOptions: { target: "ES2020", module: "commonjs", strict: true, lib: ["ES2020"], types: [] },
};
/** As the project's tsconfig.cli.json, with no types. */
const TSCONFIG_CLI = {
  extends: "./tsconfig.json",
  compilerOptions: {
    rootDir: "src",
    outDir: "build",
    incremental: true,
    noEmitOnError: true,
    tsBuildInfoFile: "build/.tsbuildinfo",
  },
  include: ["src/cli/**/*.ts"],
};
const GREETING = (word: string) => `export const greeting = (who: string): string => "${word} " + who + "\\n";\n`;

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}
const node = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(dir, script), ...args], { cwd: dir, encoding: "utf8", timeout: 120_000 });
const build = () => node("scripts/build-cli.js");
const casemix = (...args: string[]) => node("bin/casemix.js", ...args);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-launcher-"));
  for (const f of ["bin/casemix.js", "scripts/build-cli.js", "scripts/stamp.js"]) {
    write(f, fs.readFileSync(path.join(ROOT, f), "utf8"));
  }
  write("tsconfig.json", JSON.stringify(TSCONFIG));
  write("tsconfig.cli.json", JSON.stringify(TSCONFIG_CLI));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  write("src/cli/main.ts", MAIN);
  write("src/engine/greeting.ts", GREETING("hello"));
  write("src/taskpane/other.ts", "export const other = 1;\n");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("bin/casemix.js and scripts/build-cli.js", () => {
  it("before any build: stops with the command to run, in Chinese and English, and compiles nothing", () => {
    const r = casemix("x");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "casemix: 命令行尚未编译（或上次编译失败）。请在 " + dir + " 中运行：npm run build:cli\n",
    );
    expect(r.stderr).toContain(
      "casemix: the command line is not compiled (or its last build failed). Run in " + dir + ": npm run build:cli\n",
    );
    expect(fs.existsSync(path.join(dir, "build"))).toBe(false);
  });

  it("after a build: runs the compiled output, whose stamp lists exactly the sources compiled and the tsconfig files", () => {
    expect(build().status).toBe(0);
    const stamp = JSON.parse(fs.readFileSync(path.join(dir, "build/.cli-stamp.json"), "utf8"));
    expect(Object.keys(stamp.files)).toEqual([
      "src/cli/main.ts",
      "src/engine/greeting.ts",
      "tsconfig.cli.json",
      "tsconfig.json",
    ]);
    const r = casemix("a", "b");
    expect(r.stdout).toBe("hello a b\n");
    expect(r.status).toBe(2);
  });

  it("judges by content: a file not compiled, or a compiled one rewritten unchanged with a new time, keeps it fresh", () => {
    write("src/taskpane/other.ts", "export const other = 2;\n");
    write("src/engine/greeting.ts", GREETING("hello"));
    fs.utimesSync(path.join(dir, "src/engine/greeting.ts"), new Date(), new Date(Date.now() + 3_600_000));
    expect(casemix("c").stdout).toBe("hello c\n");
  });

  it("a changed source (as after git pull) stops it, naming the file; an older time does not hide the change", () => {
    write("src/engine/greeting.ts", GREETING("bonjour"));
    fs.utimesSync(path.join(dir, "src/engine/greeting.ts"), new Date(0), new Date(0));
    const r = casemix("d");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      "casemix: 命令行的编译已过期：src/engine/greeting.ts 在编译之后有改动。请在 " +
        dir +
        " 中运行：npm run build:cli\n",
    );
    expect(r.stderr).toContain(
      "the compiled command line is out of date: src/engine/greeting.ts changed since it was compiled",
    );
    expect(build().status).toBe(0);
    expect(casemix("d").stdout).toBe("bonjour d\n");
  });

  it("a deleted compiled file is rebuilt, not trusted to the incremental state", () => {
    fs.rmSync(path.join(dir, "build/engine/greeting.js"));
    expect(build().status).toBe(0);
    expect(casemix("e").stdout).toBe("bonjour e\n");
  });

  it("a failed build (a type error) leaves no compiled output and no stamp: the launcher refuses to run", () => {
    write("src/engine/greeting.ts", 'export const greeting = (who: string): number => "x" + who;\n');
    const r = build();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/src\/engine\/greeting\.ts\(1,\d+\): error TS2322/);
    expect(r.stderr).toContain("casemix: the command line did not compile (errors above); build/ was removed.");
    expect(fs.existsSync(path.join(dir, "build"))).toBe(false);
    const run = casemix("f");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the command line is not compiled (or its last build failed)");
  });
});
