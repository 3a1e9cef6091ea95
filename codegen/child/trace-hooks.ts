/**
 * Module hooks of the evaluation child (registered by `child-main` before it imports
 * the user's modules; they run in Node's hooks thread). They write to the trace
 * channel, file descriptor 4 of the child, one line per event (`<phase> <JSON string>`),
 * synchronously, so the parent hears of them even when the child's main thread never
 * returns:
 *
 * - `load <url>` for every module loaded (whatever its format): what the evaluation
 *   actually read, dynamic imports and side-effect imports included, for watch;
 * - ES modules get a call prepended (on their first line, so line numbers stay) and
 *   appended that write `start <url>` when the module's own code begins to run and
 *   `end <url>` when it has finished: a module that started and never ended is the one
 *   that loops or waits forever while loading.
 */
import { writeSync } from 'node:fs';

/** The file descriptor of the trace channel (the child's fifth stdio entry). */
const TRACE_FD = 4;
/** The global the injected calls use; `child-main` defines it. */
const TRACE_GLOBAL = 'Symbol.for("policy-matrix.trace")';

interface LoadResult {
  format?: string | null;
  source?: string | ArrayBuffer | ArrayBufferView | null;
  shortCircuit?: boolean;
}
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

/** Node's `load` hook: records the load and wraps ES module sources with the two calls. */
export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  if (!url.startsWith('file:') || url.includes('/node_modules/')) return result;
  trace('load', url);
  if (result.format !== 'module' || result.source == null) return result;
  const source =
    typeof result.source === 'string'
      ? result.source
      : Buffer.from(result.source as ArrayBuffer).toString('utf8');
  const call = (phase: string): string =>
    `globalThis[${TRACE_GLOBAL}]?.(${JSON.stringify(phase)}, import.meta.url);`;
  return { ...result, source: wrap(source, call('start'), call('end')) };
}

const INLINE_MAP = '\n//# sourceMappingURL=data:application/json;base64,';

/**
 * `source` with `before` run first (after a hashbang line, which must stay first) and
 * `after` run last. Positions in error stacks stay right: with an inline source map
 * (tsx's output, often a single line) `before` gets a line of its own and the map is
 * shifted by that line; without one it goes at the start of the first code line.
 */
export function wrap(source: string, before: string, after: string): string {
  const hashbang = source.startsWith('#!') ? source.indexOf('\n') + 1 || source.length : 0;
  const head = source.slice(0, hashbang);
  const at = source.lastIndexOf(INLINE_MAP);
  if (at >= hashbang) {
    try {
      const encoded = source.slice(at + INLINE_MAP.length).trim();
      const map = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as {
        mappings?: unknown;
      };
      if (typeof map.mappings === 'string') {
        const lines = map.mappings.split(';');
        lines.splice(hashbang === 0 ? 0 : 1, 0, '');
        map.mappings = lines.join(';');
        const shifted = Buffer.from(JSON.stringify(map), 'utf8').toString('base64');
        return `${head}${before}\n${source.slice(hashbang, at)}\n;${after}${INLINE_MAP}${shifted}\n`;
      }
    } catch {
      // not a map this code understands: fall through to the same-line form
    }
  }
  return `${head}${before}${source.slice(hashbang)}\n;${after}\n`;
}

function trace(phase: string, subject: string): void {
  try {
    writeSync(TRACE_FD, `${phase} ${JSON.stringify(subject)}\n`);
  } catch {
    // no trace channel (a child started by hand): nothing to report to
  }
}
