/**
 * What the emit step needs from the config: where output goes, how generated code
 * imports the runtime and project modules, and what the banner says. Plain data.
 */
import path from 'node:path';
import type { ImportExtension } from '../config/define-config.ts';
import type { ResolvedConfig, RuntimeImport } from '../config/resolved-config.ts';

export interface EmitOptions {
  /** The project root (absolute); model paths are relative to it. */
  root: string;
  /** The output folder (absolute). */
  outDir: string;
  runtime: RuntimeImport;
  importExtension: ImportExtension;
  regenerateCommand: string;
}

/** The emit options of a resolved config. */
export function emitOptionsOf(config: ResolvedConfig): EmitOptions {
  return {
    root: config.root,
    outDir: path.resolve(config.outDir),
    runtime: config.runtime,
    importExtension: config.importExtension,
    regenerateCommand: config.regenerateCommand,
  };
}
