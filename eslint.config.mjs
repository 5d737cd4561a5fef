// Lint for the TypeScript sources. Type-aware (the project service reads each tsconfig), and deliberately
// small: the rules that catch bugs tsc cannot, above all promises nobody awaits (a floating promise in the
// server swallows its error and can leave a request unanswered). Style is left to the compiler's strict flags.
import tseslint from 'typescript-eslint';
import { walls } from './eslint.walls.mjs';

export default tseslint.config(
  {
    ignores: ['**/out/**', '**/lib/**', '**/node_modules/**', 'test-fixtures/**', 'examples/**', 'bench/**', '.tools/**', '.bench/**', '.e2e-artifacts/**', 'test/**'],
  },
  {
    files: ['client/src/**/*.ts', 'server/src/**/*.ts'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    // Directives for rules this config does not enable are harmless; do not fail on them.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...walls,
);
