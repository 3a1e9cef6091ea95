// Type-aware lint for the whole repository, run by `npm run verify` (with knip, the
// import-cycle check and the API report check) and by CI. The base is
// typescript-eslint's recommended type-checked set; every rule turned off or relaxed
// below says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tmp/**',
      'bench-results/**',
      // Faulty on purpose: the compiler tests read them as a user's broken input.
      'test/**/fixtures/**/broken*',
      // The compiler's golden output, pinned byte for byte by its tests: a finding there
      // is a change to the emitter (codegen/emit), where the lint runs.
      'test/fixtures/golden-*/generated/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The orchestration loop mixes synchronous and asynchronous hooks: a promise
      // nobody awaits is an unhandled rejection or a rule that runs out of order.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        // `typeof import('…')` names the type of a module that is loaded lazily, where a
        // top-level import would read as an eager one.
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // A leading underscore marks a parameter that a hook's signature requires and
      // the body ignores (Prefect's hook signatures are positional).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Off: an `async` hook without `await` is how a rule declares that it returns a
      // promise. Whether a hook returns a promise decides which path the loop takes, so
      // the tests, the benchmarks and the asynchronous store interfaces do it on purpose.
      '@typescript-eslint/require-await': 'off',
      // Off: the rule machinery is generic over the context type and constrains it as
      // `C extends OrchestrationContext<any>`; a rule written for one state set must be
      // accepted wherever some context is expected, which `unknown` does not allow.
      // Values typed `any` are still caught by the no-unsafe-* rules.
      '@typescript-eslint/no-explicit-any': 'off',
      // The loop records what a hook or commit threw and re-throws (or rejects with)
      // exactly that value once the nest has unwound, as Prefect does: it may be any
      // value a user's hook chose to throw.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (`expect.stringContaining(...)`, `expect.any(...)`)
      // are typed `any` by design; assigning them into expected objects is their use.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript (this file, the bin launcher) carries no type information.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
