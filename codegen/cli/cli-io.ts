/**
 * Where the CLI writes and in which folder it runs: the process's, or a test's capture.
 * The writers are plain functions (no `this`), passed around unbound.
 */
export interface CliIo {
  cwd: string;
  /** Writes to standard output (text is written as given; lines end with `\n`). */
  out: (text: string) => void;
  /** Writes to standard error. */
  err: (text: string) => void;
  /** Whether standard error is a terminal (live progress is drawn only there). */
  errIsTerminal?: boolean;
  /** Resolves when the user asks to stop (Ctrl-C); watch waits on it. */
  interrupted(): Promise<void>;
}
