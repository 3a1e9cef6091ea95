/** A file the emit step produced: where it goes and what it holds (plain data). */
export interface EmittedFile {
  /** Project-relative POSIX path, e.g. `generated/core-task-policy.ts`. */
  path: string;
  content: string;
  /** The policy it compiles; absent for `index.ts` and report files. */
  policy?: string;
  /** Set on report files (`<outDir>/report/`): markdown pages, heatmaps and their index. */
  report?: true;
}
