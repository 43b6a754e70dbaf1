/**
 * The progress bar of reading a large file, on stderr when it is a terminal.
 */

/** `name [=========           ] 42%` on stderr, redrawn when the percentage changes, erased at the end. */
export class ProgressBar {
  private shown = -1;
  private readonly name: string;
  constructor(
    path: string,
    private readonly size: number,
  ) {
    this.name = path.length > 40 ? "..." + path.slice(-37) : path;
  }
  update(pos: number): void {
    const pct = this.size > 0 ? Math.min(100, Math.floor((100 * pos) / this.size)) : 100;
    if (pct === this.shown) return;
    this.shown = pct;
    const filled = Math.round(pct / 5);
    process.stderr.write(`\r${this.name} [${"=".repeat(filled)}${" ".repeat(20 - filled)}] ${pct}%`);
  }
  done(): void {
    if (this.shown >= 0) process.stderr.write(`\r${" ".repeat(this.name.length + 28)}\r`);
  }
}
