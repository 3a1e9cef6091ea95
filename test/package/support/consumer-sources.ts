/**
 * The files of the fresh consumer projects that the package test creates: what a user
 * of the two published packages writes by hand (policies with a custom state set, a
 * config, a program that uses the generated matrix), per project flavour.
 */

/** A document workflow with its own state set, written as a user would. */
export const DOCUMENT_POLICIES = `import { OrchestrationPolicy, OrchestrationRule, type State } from 'policy-matrix';

export const DOCUMENT_STATES = ['draft', 'review', 'published', 'archived'];

/** Nothing is published without review: a draft sent straight to published is rejected. */
export class RequireReview extends OrchestrationRule {
  static override FROM_STATES = new Set(['draft']);
  static override TO_STATES = new Set(['published']);
  override async beforeTransition(_initial: State | null, _proposed: State | null) {
    this.abortTransition('a draft must be reviewed before it is published');
  }
}

/** Archiving is final. */
export class ArchiveIsFinal extends OrchestrationRule {
  static override FROM_STATES = new Set(['archived']);
  static override TO_STATES = new Set(DOCUMENT_STATES);
  override async beforeTransition(_initial: State | null, _proposed: State | null) {
    this.abortTransition('an archived document never changes again');
  }
}

export class DocumentPolicy extends OrchestrationPolicy {
  static override STATES = DOCUMENT_STATES;
  static override priority() {
    return [ArchiveIsFinal, RequireReview];
  }
}
`;

/**
 * The program: indexes the matrix with the typed codes, looks rules up by name, and
 * runs one whole orchestration. Prints one line per fact, which the test compares.
 */
export function documentProgram(generatedIndex: string): string {
  return `import { createState, OrchestrationContext, orchestratePolicy } from 'policy-matrix';
import { DocumentPolicyCodes, DocumentPolicyMatrix, type DocumentPolicyState } from '${generatedIndex}';

const names = (rules: readonly { name: string }[]) => rules.map((rule) => rule.name).join(',') || '-';
const from: DocumentPolicyState = 'draft';
console.log('draft→published', names(DocumentPolicyMatrix.rules(from, 'published')));
console.log('archived→draft', names(DocumentPolicyMatrix.at(DocumentPolicyCodes.archived, DocumentPolicyCodes.draft)));
console.log('review→published', names(DocumentPolicyMatrix.rules('review', 'published')));

const context = new OrchestrationContext({
  run: { id: 'doc-1' },
  initialState: createState('draft'),
  proposedState: createState('published'),
});
const result = await orchestratePolicy({ context, policy: DocumentPolicyMatrix, commit: (state) => state });
console.log('orchestrate', result.status, 'reason' in result.details ? result.details.reason : '');
try {
  DocumentPolicyMatrix.rules('drafts' as DocumentPolicyState, null);
} catch (error) {
  console.log(error instanceof TypeError ? 'TypeError' : 'other', (error as Error).message.split(':')[0]);
}
`;
}

/** What the program prints, whichever way it was built and run. */
export const DOCUMENT_PROGRAM_OUTPUT = [
  'draft→published RequireReview',
  'archived→draft ArchiveIsFinal',
  'review→published -',
  'orchestrate ABORT a draft must be reviewed before it is published',
  'TypeError Unknown state "drafts" for policy DocumentPolicy',
  '',
].join('\n');

/** A file with a misspelt state: it must not type-check, and the error names the typo. */
export function misspeltStateProgram(generatedIndex: string): string {
  return `import { DocumentPolicyMatrix } from '${generatedIndex}';

export const rules = DocumentPolicyMatrix.rules('drafts', 'published');
`;
}

/**
 * Every other entry point of the runtime, used for its types only: their declarations
 * must compile without the optional database drivers or their type packages.
 */
export const ENTRY_POINT_TYPES = `import type { OrionEngine, OrionStore } from 'policy-matrix/orion';
import type { NodePostgresOptions, OpenPostgresOrionStoreOptions, PgliteDatabase } from 'policy-matrix/orion/postgres';
import type { EnteredNest, OrionTestBed, OrionTestTransaction } from 'policy-matrix/testing';

export const embedded: OpenPostgresOrionStoreOptions = { dataDir: './orion-data' };
export const server: NodePostgresOptions = { url: 'postgres://orion@localhost/orion', max: 4 };
export type Used = [OrionEngine, OrionStore, PgliteDatabase, OrionTestBed, OrionTestTransaction];
export type Nest = EnteredNest<never>;
`;

/** The config: generated code imports the runtime by package name. */
export function configModule(importExtension: '.js' | '.ts'): string {
  return `import { defineConfig } from '@policy-matrix/codegen';

export default defineConfig({
  modules: ['./src/policies.ts'],
  outDir: 'generated',
  importExtension: '${importExtension}',
});
`;
}

/** Plain tsc for Node: strict, NodeNext, no .ts specifiers, no skipLibCheck, no @types/node. */
export const NODE_NEXT_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      types: [],
      rootDir: '.',
      outDir: 'dist',
    },
    include: ['src', 'generated'],
  },
  null,
  2,
)}\n`;

/**
 * A program on the bundled Orion preset, as installed: an engine given only a store
 * runs on the six shipped matrices, each equal to its policy class; a transition runs;
 * the testing kit opens a bed of its own, forces a state through the engine and
 * disposes of the bed.
 */
export const ORION_PROGRAM = `import { Pending, Running } from 'policy-matrix';
import { InMemoryOrionStore, ORION_POLICY_CLASSES, OrionEngine } from 'policy-matrix/orion';
import { ORION_MATRICES } from 'policy-matrix/orion/matrices';
import { assertMatrixMatchesPolicy, OrionTestBed } from 'policy-matrix/testing';

const store = new InMemoryOrionStore();
const engine = new OrionEngine({ store });
for (const key of Object.keys(ORION_MATRICES) as (keyof typeof ORION_MATRICES)[]) {
  assertMatrixMatchesPolicy(ORION_MATRICES[key], ORION_POLICY_CLASSES[key]);
  console.log('matrix', key, ORION_MATRICES[key].name, engine.policies[key] === ORION_MATRICES[key]);
}
const flow = await store.addFlowRun();
const pending = await engine.setFlowRunState(flow.id, Pending());
const running = await engine.setFlowRunState(flow.id, Running());
console.log('flow', pending.status, running.status, store.flowRun(flow.id)?.runCount);

const bed = await OrionTestBed.open({ store: 'memory' });
const task = await bed.taskRun();
const forced = await bed.forceState('task', task.id, Running({}, bed.env), { at: '2023-01-31T08:00:00Z' });
console.log('bed', forced.type, forced.timestamp.toISOString(), bed.engine.policies.coreTask === ORION_MATRICES.coreTask);
await bed.dispose();
`;

/** What the Orion program prints. */
export const ORION_PROGRAM_OUTPUT = [
  'matrix coreFlow CoreFlowPolicy true',
  'matrix coreTask CoreTaskPolicy true',
  'matrix minimalFlow MinimalFlowPolicy true',
  'matrix minimalTask MinimalTaskPolicy true',
  'matrix globalFlow GlobalFlowPolicy true',
  'matrix globalTask GlobalTaskPolicy true',
  'flow ACCEPT ACCEPT 1',
  'bed RUNNING 2023-01-31T08:00:00.000Z true',
  '',
].join('\n');

/**
 * A config module that re-exports the bundled preset to extend it: a task policy of
 * the project's own, the core task policy with one more rule.
 */
export const ORION_EXTENSION = `import { StateType, OrchestrationRule, type RuleClass, type State } from 'policy-matrix';
import { CoreTaskPolicy } from 'policy-matrix/orion';

export * from 'policy-matrix/orion';

/** A paused task run does not go straight back to running. */
export class NoRunFromPaused extends OrchestrationRule {
  static override FROM_STATES = new Set([StateType.PAUSED]);
  static override TO_STATES = new Set([StateType.RUNNING]);
  override async beforeTransition(_initial: State | null, _proposed: State | null) {
    this.abortTransition('resume the task run first');
  }
}

export class StrictTaskPolicy extends CoreTaskPolicy {
  static override priority(): RuleClass[] {
    return [NoRunFromPaused, ...super.priority()];
  }
}
`;

/** The config of the project that extends the preset (a second config beside the first). */
export const ORION_EXTENSION_CONFIG = `import { defineConfig } from '@policy-matrix/codegen';

export default defineConfig({
  modules: ['./src/orion-extension.ts'],
  outDir: 'generated-orion',
  importExtension: '.js',
});
`;

/**
 * The smallest Orion program, for the bundler: whether the engine's default rule
 * sources are the compiled matrices (a bundler must keep the entry module that
 * installs them, which the package lists in `sideEffects`).
 */
export const ORION_BUNDLED_PROGRAM = `import { InMemoryOrionStore, ORION_POLICY_CLASSES, OrionEngine } from 'policy-matrix/orion';

const engine = new OrionEngine({ store: new InMemoryOrionStore() });
const kinds = Object.entries(engine.policies).map(
  ([key, source]) => \`\${key}:\${source === ORION_POLICY_CLASSES[key as keyof typeof ORION_POLICY_CLASSES] ? 'class' : 'matrix'}\`,
);
console.log(kinds.join(' '));
`;

export const ORION_BUNDLED_PROGRAM_OUTPUT =
  'coreFlow:matrix coreTask:matrix minimalFlow:matrix minimalTask:matrix globalFlow:matrix globalTask:matrix\n';
