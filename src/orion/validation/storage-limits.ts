/**
 * The limits every store enforces up front, chosen so that whatever one store accepts,
 * PostgreSQL (embedded or on a server) stores and gives back unchanged.
 */

/**
 * The longest key, in UTF-16 code units (`string.length`): run ids, tags (a run's tags
 * and a limit's tag) and cache keys. Keys are indexed, and a PostgreSQL index entry
 * holds at most 2,704 bytes; 500 code units are at most 1,500 bytes of UTF-8, which
 * leaves room for the other columns of an index.
 */
export const MAX_KEY_LENGTH = 500;

/** The largest integer column value (PostgreSQL `integer`): run counts, concurrency limits, retries. */
export const MAX_INTEGER = 2_147_483_647;

/**
 * The earliest and latest date a store keeps (four-digit years, UTC). PostgreSQL holds
 * a wider range, but the embedded PGlite reads years before 100 back wrong and dates
 * after 9999 do not keep their ISO form in JSON details.
 */
export const MIN_DATE = new Date('1000-01-01T00:00:00.000Z');
export const MAX_DATE = new Date('9999-12-31T23:59:59.999Z');

/** How deeply state data may nest (arrays and objects), well within what every store reads back. */
export const MAX_DATA_DEPTH = 1000;

/**
 * The longest retry delay, in seconds (about 31 years), and the largest retry jitter
 * factor: together they keep a retry's scheduled time a date every store keeps.
 */
export const MAX_RETRY_DELAY_SECONDS = 1_000_000_000;
export const MAX_RETRY_JITTER_FACTOR = 10;
