// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint with type information. The feature boundaries of ENGINEERING.md are rules here:
 * a feature never imports another feature's queries or tables, and `ui/` imports only
 * schemas, ui and src/web.
 */
const FEATURE_INTERNALS = {
  group: [
    '../*/*.queries.ts',
    '../*/*.tables.ts',
    '../../*/*.queries.ts',
    '../../*/*.tables.ts',
    '../*/*/*.queries.ts',
  ],
  message: 'A feature reaches another feature through its service or schema, never its queries or tables.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'bench/results/**', 'e2e/screens/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-deprecated': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FEATURE_INTERNALS] }] },
  },
  {
    files: ['src/*/ui/**/*.{ts,tsx}', 'src/*/*/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            FEATURE_INTERNALS,
            {
              regex:
                '^\\.\\.?/(?:\\.\\./)*(?!.*(?:\\.schema|/ui/|/web/|\\.i18n|\\.data|\\.states|\\.labels)).*\\.(?:service|queries|tables|routes)\\.ts$',
              message: 'ui/ imports only schemas, ui and src/web.',
            },
          ],
        },
      ],
    },
  },
  {
    // a test's `!` on a row it just made fails the test when wrong, which is what a test is for
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'src/**/*.fixtures.ts', 'src/**/*-test-kit.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
