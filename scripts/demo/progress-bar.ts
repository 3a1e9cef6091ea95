/**
 * `ProgressBar`: progress on stderr. On a terminal it redraws one line in place (at
 * most every 50 ms); otherwise it prints a plain line at each quarter, so logs stay
 * readable.
 */
export class ProgressBar {
  readonly #label: string;
  readonly #total: number;
  readonly #stream: NodeJS.WriteStream;
  readonly #tty: boolean;
  #lastDraw = 0;
  #lastQuarter = 0;

  constructor(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
    this.#label = label;
    this.#total = Math.max(1, total);
    this.#stream = stream;
    this.#tty = stream.isTTY === true;
  }

  /** Reports `done` of the total; cheap enough to call on every tick. */
  update(done: number, detail = ''): void {
    if (this.#tty) {
      const now = Date.now();
      if (now - this.#lastDraw < 50 && done < this.#total) return;
      this.#lastDraw = now;
      const width = 30;
      const filled = Math.round((width * Math.min(done, this.#total)) / this.#total);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.#stream.write(`\r${this.#label} ${bar} ${done}/${this.#total} ${detail}\x1b[K`);
    } else {
      const quarter = Math.floor((4 * Math.min(done, this.#total)) / this.#total);
      if (quarter > this.#lastQuarter) {
        this.#lastQuarter = quarter;
        this.#stream.write(`${this.#label}: ${done}/${this.#total} ${detail}\n`);
      }
    }
  }

  /** Ends the line on a terminal. */
  finish(): void {
    if (this.#tty) this.#stream.write('\n');
  }
}
