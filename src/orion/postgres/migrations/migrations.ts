/**
 * `MIGRATIONS`: every schema version this code knows, in order. The SQL is embedded as
 * TypeScript strings so it ships inside the compiled package with nothing to read
 * from disk. Versions are 1, 2, 3, … with no gaps; a shipped migration never changes.
 */
import { INITIAL_SCHEMA } from './0001-initial.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  { version: 1, name: 'initial', sql: INITIAL_SCHEMA },
]);
