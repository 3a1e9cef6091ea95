/**
 * `quoteIdentifier`: a schema name as a quoted SQL identifier, so any name is safe to
 * splice into a statement.
 */

/** `"name"`, with inner double quotes doubled. Throws for an empty name or a NUL. */
export function quoteIdentifier(name: string): string {
  if (name === '' || name.includes('\0')) {
    throw new TypeError(
      `A PostgreSQL schema name must be non-empty and free of NUL characters, got ${JSON.stringify(name)}.`,
    );
  }
  return `"${name.replaceAll('"', '""')}"`;
}
