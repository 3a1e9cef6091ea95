/**
 * The evaluation child process: receives one request over IPC, imports the user's
 * modules (fresh, in this new process), answers with plain data and exits. Started by
 * `runChild` with tsx's loader, in the project's folder. Its arguments are modules to
 * import ahead of the request (file URLs; see `prestartChild`).
 */
import { writeSync } from 'node:fs';
import * as nodeModule from 'node:module';
import path from 'node:path';
import { inspectCompiledModules } from '../inspect/inspect-compiled-modules.ts';
import { evaluatePolicies } from '../read/evaluate-policies.ts';
import type { ChildRequest, ChildResponse } from './child-request.ts';

// The trace channel (see trace-hooks.ts): the modules loaded, the module whose code is
// running and the policy being evaluated, written synchronously so that the parent
// can name what never finishes.
function trace(phase: string, subject: string): void {
  try {
    writeSync(4, `${phase} ${JSON.stringify(subject)}\n`);
  } catch {
    // no trace channel: nothing to report to
  }
}
(globalThis as Record<symbol, unknown>)[Symbol.for('policy-matrix.trace')] = trace;
// Module hooks need Node 20.6+; on older versions modules load untraced (a stuck load
// is then reported without its module, and watch sees only the static imports).
// The hooks module is this module's sibling with the same extension: `.ts` when run from
// the sources (this repository), `.js` when compiled (the package).
if (typeof nodeModule.register === 'function')
  nodeModule.register(new URL(`./trace-hooks${path.extname(import.meta.url)}`, import.meta.url));
// Modules to load ahead of the request (a prestarted child of the warm compiler). A
// failure is left for the evaluation, which imports the module again and reports it.
// The request may arrive meanwhile: it is answered once they are loaded.
const preloaded = (async () => {
  for (const url of process.argv.slice(2)) {
    try {
      await import(url);
    } catch {
      // reported by the evaluation
    }
  }
  // The timeout counts from here: starting Node and tsx is not the user's code.
  trace('ready', 'child');
})();

// A prestarted child whose parent went away has nothing left to do.
process.once('disconnect', () => process.exit(0));

process.once('message', (message) => {
  void answer(message as ChildRequest).then(
    (response) => {
      process.send?.(response, () => process.exit(0));
    },
    (error: unknown) => {
      process.stderr.write(
        `policy-matrix evaluation failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(70);
    },
  );
});

async function answer(request: ChildRequest): Promise<ChildResponse> {
  await preloaded;
  if (request.kind === 'evaluate') return evaluatePolicies(request);
  if (request.kind === 'inspect') return inspectCompiledModules(request);
  // The bench's measuring code is loaded only by the child that measures.
  return (await import('../bench/measure/measure-policies.ts')).measurePolicies(request);
}
