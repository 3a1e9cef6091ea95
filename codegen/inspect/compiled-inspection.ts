/**
 * Reading generated modules back as plain data (rule class names per cell), for
 * `dump --json` and for the cell-by-cell differences `check` reports. Runs in the
 * evaluation child process, so a module edited on disk is always read fresh.
 */
import type { ThrownError } from '../problem/thrown-error.ts';

export interface InspectionRequest {
  kind: 'inspect';
  /** Generated modules, absolute paths. */
  modules: string[];
}

export interface InspectionResponse {
  kind: 'inspect';
  modules: InspectedModule[];
}

export interface InspectedModule {
  module: string;
  /** Set when importing the module threw. */
  error?: ThrownError;
  /** Every compiled policy the module exports, by export name order. */
  policies: InspectedPolicy[];
}

export interface InspectedPolicy {
  name: string;
  states: (string | null)[];
  /** Each distinct cell once, as rule class names in order. */
  distinctCells: string[][];
  /** The flat row-major table: indices into `distinctCells`. */
  cells: number[];
  /** From the module's `<Policy>Metadata` export, when present. */
  source?: string;
  priority?: string[];
}
