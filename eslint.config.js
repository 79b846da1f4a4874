// One lint config for the whole kit: typescript-eslint's recommended rules, strict about
// what hides bugs in numeric code (unused values, focused tests), quiet about style, which
// prettier owns.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // the held-out gallery is students' code as they wrote it, some broken on purpose
  { ignores: ['node_modules/', 'reports/', 'coverage/', '.stryker-tmp/', 'maintainers/heldout/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'a focused test hides the rest of the grade' },
        {
          object: 'describe',
          property: 'only',
          message: 'a focused suite hides the rest of the grade',
        },
      ],
    },
  },
  {
    // plain-JS entry points run on Node before any TypeScript tooling starts
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        TextEncoder: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
  },
  {
    // stubs keep their parameters so the signature stays the contract's
    files: ['exercises/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
