import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import coreImports from './scripts/eslint/coreImports.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tools/**/*.java'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': ['error', {
        selector: 'JSXAttribute[name.name=/^on(Animation|Transition)/]',
        message: 'Animation and transition events never reach React (src/app/quietAnimationEvents.ts).',
      }],
    },
  },
  {
    // src/core's import graph: no cycles (reactions as data instead), nothing from the runner.
    files: ['src/core/**/*.ts'],
    plugins: { core: coreImports },
    rules: { 'core/no-import-cycle': 'error', 'core/no-cli-import': 'error' },
  },
  {
    // The golden tests run scenarios through the headless runner, as a user does.
    files: ['src/core/**/*.test.ts'],
    rules: { 'core/no-cli-import': 'off' },
  },
  {
    // The simulator is pure and deterministic (DESIGN.md): no UI libraries, no clocks, no dice.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['react', 'react-dom', 'zustand', 'd3', 'd3-selection', 'd3-transition', 'idb', 'lz-string', 'i18next', 'react-i18next'],
        patterns: ['react/*', 'react-dom/*', 'zustand/*', 'node:*', '**/view/**', '**/store/**', '**/persist/**', '**/session/**'],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'performance', 'setTimeout', 'setInterval', 'fetch'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams in src/core/time/random.ts.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: world.timeMs.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: world.timeMs.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Simulated time only: world.timeMs.' }],
    },
  },
);
