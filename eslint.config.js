// Type-aware lint for the whole repository (`npm run verify` runs it with knip, the
// import-cycle check and the API report check). Every rule turned off or down below
// says why; everything else is typescript-eslint's recommended type-checked set.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tmp/**',
      'bench-results/**',
      // Broken on purpose: the compiler tests read them as a user's faulty input.
      'test/**/fixtures/**/broken*',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      // The workspace packages resolve to their TypeScript sources, as everywhere else
      // in the repository (the "@policy-matrix/source" export condition).
      'import-x/resolver-next': [
        createNodeResolver({
          conditionNames: ['@policy-matrix/source', 'types', 'import', 'node', 'default'],
          extensions: ['.ts', '.js'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      // A cycle through a type-only import is still a cycle between two concepts.
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }],
    },
  },
  {
    // Plain JavaScript files (this config, the bin launcher) have no type information.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
