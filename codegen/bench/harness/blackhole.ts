/**
 * The sink every benchmark result is written to, so that the JIT cannot prove a
 * measured loop's result unused and delete the loop (dead-code elimination).
 *
 * Each case folds what it computed into a number (for example the sum of the lengths
 * of the rule arrays it looked up) and hands it here after its timed region. The
 * value is kept in a module-level object that is read back at exit, so it is
 * observable from outside the measured code.
 */

const hole = { value: 0, calls: 0 };

/** Absorbs a case's result. Cheap, and outside every timed region. */
export function consume(value: number): void {
  hole.value = (hole.value + value) | 0;
  hole.calls++;
}

/** The folded results: printed by the bench so the sink is observably used. */
export function blackholeDigest(): string {
  return `${hole.calls} samples, digest ${hole.value >>> 0}`;
}
