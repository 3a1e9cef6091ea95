/** `policy-matrix watch`: regenerates on every change, prints what it did or the problems, until Ctrl-C. */
import { formatProblems } from '../problem/problem.ts';
import { watch, type WatchEvent } from '../watch/watch.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { formatGenerateSummary } from './generate-command.ts';
import { plural } from './table.ts';

export async function watchCommand(io: CliIo, source: ConfigOptions): Promise<number> {
  let handle;
  try {
    handle = await watch({
      ...source,
      onEvent: (event) => report(io, event),
    });
  } catch (error) {
    io.err(
      `${error instanceof Error ? error.message : String(error)}\nFix the config, then start watch again.\n`,
    );
    return 1;
  }
  await handle.ready;
  io.out('Watching for changes; press Ctrl-C to stop.\n');
  await io.interrupted();
  await handle.close();
  return 0;
}

function report(io: CliIo, event: WatchEvent): void {
  const { stream, text } = formatWatchEvent(event);
  (stream === 'out' ? io.out : io.err)(text);
}

/**
 * What watch prints for `event`, and on which stream: after a run, the lines `generate`
 * prints for each rewritten policy (its changed cells included), then the count.
 */
export function formatWatchEvent(event: WatchEvent): { stream: 'out' | 'err'; text: string } {
  const changed = event.type === 'config-changed' ? [] : event.changed;
  const header = changed.length === 0 ? '' : `Changed: ${changed.join(', ')}\n`;
  switch (event.type) {
    case 'generated': {
      // Every policy is re-evaluated; only those whose module changed get a line.
      const summary = formatGenerateSummary(
        event.policies.filter((p) => p.status !== 'unchanged'),
        event.files,
      );
      return {
        stream: 'out',
        text: `${header}${summary.slice(0, -1).join('\n')}${summary.length > 1 ? '\n' : ''}Re-evaluated ${plural(event.evaluated.length, 'policy', 'policies')}. ${summary.at(-1)?.replace(/^.*; /, '') ?? ''}\n`,
      };
    }
    case 'problems':
      return {
        stream: 'err',
        text: `${header}${formatProblems(event.problems)} Nothing was written; still watching.\n`,
      };
    case 'config-changed':
      return {
        stream: 'err',
        text: `${event.file} changed; watch keeps the config it started with. Restart watch to use the new config.\n`,
      };
  }
}
