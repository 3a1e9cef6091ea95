/**
 * `ConcurrencyLimits`: the store port for tag concurrency limits (docs/orion-preset.md),
 * read by `SecureTaskConcurrencySlots` and `ReleaseTaskConcurrencySlots`.
 */
import type { MaybePromise } from '../../maybe-promise.ts';

/** One limit record per tag. */
export interface ConcurrencyLimit {
  tag: string;
  /** How many runs may hold a slot at once; 0 blocks every run for good. */
  concurrencyLimit: number;
  /** Ids of the runs holding a slot, used as a set (no duplicates). */
  activeSlots: string[];
}

export interface ConcurrencyLimits {
  /**
   * The limits whose tag is among `tags`, sorted by tag (code-unit order), locked for
   * the rest of the session (the reference's select-for-update). Tags without a record
   * are skipped. Returns working copies: changes to `activeSlots` commit with the
   * session.
   */
  readConcurrencyLimits(tags: readonly string[]): MaybePromise<ConcurrencyLimit[]>;
  /** The limit for `tag` (a working copy), or null when there is none. */
  readConcurrencyLimit(tag: string): MaybePromise<ConcurrencyLimit | null>;
}
