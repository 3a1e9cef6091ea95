/**
 * The error of every store (in memory, PostgreSQL) when a session is used after its
 * transaction ended: one text for both, so that code written against one store reads
 * the same failure from the other.
 */
export function sessionClosedError(): Error {
  return new Error(
    'This store session was used after its transaction ended: keep session use inside the transaction callback.',
  );
}
