/**
 * The evaluation child process: receives one request over IPC, imports the user's
 * modules (fresh, in this new process), answers with plain data and exits. Started by
 * `runChild` with tsx's loader, in the project's folder.
 */
import { inspectCompiledModules } from '../inspect/inspect-compiled-modules.ts';
import { evaluatePolicies } from '../read/evaluate-policies.ts';
import type { ChildRequest, ChildResponse } from './child-request.ts';

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
  return request.kind === 'evaluate' ? evaluatePolicies(request) : inspectCompiledModules(request);
}
