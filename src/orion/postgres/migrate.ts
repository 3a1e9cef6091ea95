/**
 * `migrate`: brings a schema up to the newest version this code knows, at start.
 * Idempotent, and safe when several processes start at once: one transaction under a
 * transaction-scoped advisory lock creates the schema and the `schema_migrations`
 * table when missing, applies the missing versions in order and records each.
 */
import { MIGRATIONS, type Migration } from './migrations/migrations.ts';
import type { SqlClient } from './sql-client.ts';
import { quoteIdentifier } from './quote-identifier.ts';

/** Thrown when the database holds a newer schema than this code can use. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

/** Any number: all policy-matrix migrations in a database serialise on it. */
const MIGRATION_LOCK = 7_318_420_551;

/**
 * Applies the missing migrations of `schema` and returns the versions it applied.
 * Throws `SchemaTooNewError`, changing nothing, when the schema records a version
 * newer than the newest of `migrations`.
 */
export async function migrate(
  client: SqlClient,
  schema: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const name = quoteIdentifier(schema);
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      `CREATE SCHEMA IF NOT EXISTS ${name};
       CREATE TABLE IF NOT EXISTS ${name}.schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       );`,
    );
    const rows = await tx.query<{ version: number }>(
      `SELECT version FROM ${name}.schema_migrations ORDER BY version`,
    );
    const applied = new Set(rows.map((row) => row.version));
    const newestKnown = migrations.at(-1)?.version ?? 0;
    const newestApplied = rows.at(-1)?.version ?? 0;
    if (newestApplied > newestKnown) {
      throw new SchemaTooNewError(
        `The schema "${schema}" is at version ${newestApplied}, newer than this policy-matrix knows (${newestKnown}): upgrade policy-matrix, or point the store at another schema.`,
      );
    }
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.exec(`SET LOCAL search_path TO ${name}, pg_catalog;\n${migration.sql}`);
      await tx.query(`INSERT INTO ${name}.schema_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      done.push(migration.version);
    }
    return done;
  });
}
