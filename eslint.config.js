// Lint rules that keep the layers one-way: web → api → services → store/domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (from, banned, message) => ({
  files: [`${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: banned.map((group) => ({ group: [`**/${group}/*`, `**/${group}`], message })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['.bench/**', 'dist/**', 'node_modules/**', 'data/**', 'web/public/**', 'coverage/**', 'bin/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  layer('src/domain', ['store', 'services', 'api', 'cli', 'web'], 'domain is pure: no I/O layers'),
  layer('src/store', ['services', 'api', 'cli', 'web'], 'the store knows nothing above it'),
  layer('src/services', ['api', 'cli', 'web'], 'services never see HTTP or the CLI'),
  layer('src/api', ['cli', 'web'], 'the API does not depend on the CLI or the web app'),
  layer(
    'web/src',
    ['src/store', 'src/services', 'src/cli', 'src/api'],
    'the web app talks to the server over HTTP only',
  ),
);
