import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Folder edges (docs/architecture.md): model imports nothing of ours; sources never touch the
// store or each other's internals; store and analytics never reach into sources, api or cli.
const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const server = 'packages/server/src';

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', '**/*-changed/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  restrict(
    ['packages/model/src/**'],
    [{ group: ['@peacebell/server', '**/server/**'], message: 'model imports nothing of ours' }],
  ),
  restrict(
    [`${server}/sources/**`],
    [
      {
        group: ['**/store/**', '**/ingest/**', '**/analytics/**', '**/api/**', '**/cli/**'],
        message: 'sources import only model and sources/util',
      },
    ],
  ),
  restrict(
    [`${server}/store/**`],
    [
      {
        group: ['**/sources/**', '**/ingest/**', '**/analytics/**', '**/api/**', '**/cli/**'],
        message: 'store imports only model',
      },
    ],
  ),
  restrict(
    [`${server}/ingest/**`],
    [
      {
        group: ['**/analytics/**', '**/api/**', '**/cli/**', '**/store/duckdb/**'],
        message: 'ingest types against Store, not an engine',
      },
    ],
  ),
  restrict(
    [`${server}/api/**`],
    [
      {
        group: ['**/cli/**', '**/sources/**', '**/store/duckdb/**'],
        message: 'api uses analytics, ingest (imports), store types, model and errors; never cli',
      },
    ],
  ),
);
