/**
 * The compiler's programmatic API (codegen/index.ts) as the bench uses it: loaded on
 * first use, with an error that says so when it cannot be, and `generate` wrapped so
 * that a project with problems stops the bench with the compiler's own report.
 */
import type { GenerateOptions, GenerateResult } from '../../../codegen/index.ts';

type Codegen = typeof import('../../../codegen/index.ts');

export interface CodegenApi {
  codegen: Codegen;
  /** `generate(options)`, throwing the formatted problems when it is not `ok`. */
  generateOrThrow: (options: GenerateOptions) => Promise<GenerateResult>;
}

let loaded: Promise<CodegenApi> | undefined;

export function loadCodegenApi(): Promise<CodegenApi> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<CodegenApi> {
  let codegen: Codegen;
  try {
    codegen = await import('../../../codegen/index.ts');
  } catch (error) {
    throw new Error(
      `The bench could not load the compiler's API (codegen/index.ts): ${String(error)}`,
      { cause: error },
    );
  }
  return {
    codegen,
    async generateOrThrow(options) {
      const result = await codegen.generate(options);
      if (!result.ok) {
        const where = typeof options.config === 'string' ? options.config : 'an inline config';
        throw new Error(
          `The compiler reported problems for ${where}:\n${codegen.formatProblems(result.problems)}`,
        );
      }
      return result;
    },
  };
}
