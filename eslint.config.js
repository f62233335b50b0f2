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
  { ignores: ['node_modules/**', 'coverage/**', '**/*-changed/**', 'packages/web/dist/**'] },
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
  // The dashboard runs in the browser and talks HTTP: it imports the model, never the server.
  {
    files: ['packages/web/src/**'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        history: 'readonly',
        location: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        URLSearchParams: 'readonly',
        ResizeObserver: 'readonly',
        HTMLElement: 'readonly',
        HTMLDivElement: 'readonly',
        HTMLAnchorElement: 'readonly',
        EventSource: 'readonly',
        MessageEvent: 'readonly',
        Event: 'readonly',
      },
    },
  },
  restrict(
    ['packages/web/src/**'],
    [
      {
        group: ['@peacebell/*', '!@peacebell/model', '**/server/**', '**/model/src/**', 'node:*'],
        message: 'web imports only @peacebell/model and talks to the API over HTTP',
      },
    ],
  ),
);
