/**
 * `ObjectNotFoundError`: a run the orchestration needs does not exist (the
 * reference's `ObjectNotFoundError`, a 404 over HTTP).
 */
export class ObjectNotFoundError extends Error {
  override name = 'ObjectNotFoundError';
}
