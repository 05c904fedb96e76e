// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Boundary rules: each message teaches the rule it enforces (see ARCHITECTURE.md).
const frameworks = (where, why) =>
  [
    'fastify',
    '@fastify/*',
    'botbuilder',
    'botbuilder-*',
    '@microsoft/teams-ai',
    'react',
    'react-dom',
    '@fluentui/*',
    'drizzle-orm',
    'drizzle-orm/*',
    'pg',
    '@electric-sql/pglite',
    '@microsoft/microsoft-graph-client',
    '@azure/msal-node',
    'pino',
  ].map((name) => ({ name, message: `${where} must not import ${name}: ${why}` }));

const layer = (where, folders, why) =>
  folders.map((folder) => ({
    group: [`**/${folder}`, `**/${folder}/**`],
    message: `${where} must not import ${folder}/: ${why}`,
  }));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.data/', 'test-results/', 'appPackage/build/', 'src/db/migrations/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Async implementations of async interfaces are normal here.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'read configuration through src/config (the one reader of process.env)',
        },
      ],
    },
  },
  // The config file itself is plain JavaScript: lint it without type information.
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: frameworks('src/domain', 'domain rules are plain TypeScript with no I/O'),
          patterns: layer(
            'src/domain',
            ['db', 'http', 'graph', 'services', 'ports', 'jobs', 'bot', 'demo'],
            'the domain depends on nothing',
          ),
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts', 'src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: frameworks('src/services and src/ports', 'use cases take ports and return plain data'),
          patterns: layer(
            'src/services and src/ports',
            ['db', 'http', 'graph', 'jobs', 'bot', 'demo'],
            'depend on a port in src/ports instead',
          ),
        },
      ],
    },
  },
  {
    files: ['bot/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fastify', 'drizzle-orm', 'pg', '@electric-sql/pglite'].map((name) => ({
            name,
            message: `bot/ must not import ${name}: bot/ is a thin adapter; call a service`,
          })),
          patterns: [
            ...layer('bot/', ['db'], 'call a service or a port'),
            {
              group: ['drizzle-orm/*'],
              message: 'bot/ must not import drizzle-orm: call a service or a port',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['drizzle-orm', 'pg', '@electric-sql/pglite'].map((name) => ({
            name,
            message: `src/http must not import ${name}: handlers call services, which use ports`,
          })),
          patterns: layer('src/http', ['db/schema', 'db/store'], 'handlers call services, which use ports'),
        },
      ],
    },
  },
  {
    files: [
      'src/config/**/*.ts',
      'tests/**/*.ts',
      'vitest.config.ts',
      'eslint.config.js',
      'appPackage/**/*.ts',
      '.ci/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['tab/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { project: './tab/tsconfig.json', projectService: false },
      globals: { ...globals.browser },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*', '!**/src/contracts', '!**/src/contracts/**'],
              message:
                'tab/ imports only src/contracts: it runs in the browser and never imports server code',
            },
            { group: ['node:*'], message: 'tab/ runs in the browser: no Node built-ins' },
          ],
        },
      ],
    },
  },
);
