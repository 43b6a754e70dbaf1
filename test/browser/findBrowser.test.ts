import { findBrowser, installLocations } from "./findBrowser";

const only =
  (...files: string[]) =>
  (f: string) =>
    files.includes(f);

describe("findBrowser", () => {
  it("takes CHROME_PATH first, and only it when it is set", () => {
    const env = { CHROME_PATH: "/opt/chrome/chrome", PATH: "/usr/bin" };
    expect(findBrowser({ env, platform: "linux", isFile: only("/opt/chrome/chrome", "/usr/bin/chromium") })).toEqual({
      path: "/opt/chrome/chrome",
    });
    const wrong = findBrowser({ env, platform: "linux", isFile: only("/usr/bin/chromium") });
    expect(wrong).toEqual({ path: undefined, reason: "CHROME_PATH is /opt/chrome/chrome, which is not a file" });
  });

  it("on Linux: Debian's and Ubuntu's Chromium, Chrome, the snap, then the command names on PATH", () => {
    const linux = (...files: string[]) =>
      findBrowser({ env: { PATH: "/home/u/bin:/usr/local/bin" }, platform: "linux", isFile: only(...files) }).path;
    expect(linux("/usr/bin/chromium", "/snap/bin/chromium")).toBe("/usr/bin/chromium");
    expect(linux("/usr/bin/chromium-browser")).toBe("/usr/bin/chromium-browser");
    expect(linux("/usr/bin/google-chrome")).toBe("/usr/bin/google-chrome");
    expect(linux("/snap/bin/chromium")).toBe("/snap/bin/chromium");
    expect(linux("/usr/local/bin/google-chrome-stable")).toBe("/usr/local/bin/google-chrome-stable");
  });

  it("on macOS: Google Chrome.app, then Chromium.app, in /Applications and ~/Applications", () => {
    const mac = (...files: string[]) =>
      findBrowser({ env: { HOME: "/Users/li" }, platform: "darwin", isFile: only(...files) }).path;
    expect(mac("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")).toBe(
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    );
    expect(mac("/Applications/Chromium.app/Contents/MacOS/Chromium")).toBe(
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
    );
    expect(mac("/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium")).toBe(
      "/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium",
    );
  });

  it("on Windows: Chrome under Program Files, Program Files (x86) and the user's AppData", () => {
    const env = {
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\li\\AppData\\Local",
    };
    expect(installLocations({ env, platform: "win32" })).toEqual([
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Program Files\\Chromium\\Application\\chrome.exe",
      "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe",
      "C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Users\\li\\AppData\\Local\\Chromium\\Application\\chrome.exe",
    ]);
    const win = findBrowser({
      env,
      platform: "win32",
      isFile: only("C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe"),
    });
    expect(win.path).toBe("C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe");
  });

  it("without one: no path, and a reason naming where it looked and CHROME_PATH", () => {
    const none = findBrowser({ env: { PATH: "/usr/bin" }, platform: "linux", isFile: () => false });
    expect(none.path).toBeUndefined();
    expect(none.path === undefined && none.reason).toMatch(
      /^no Chromium or Chrome found \(looked at \/usr\/bin\/chromium, .*\/snap\/bin\/chromium and for chromium, .* on PATH\); install one or set CHROME_PATH/,
    );
  });
});
