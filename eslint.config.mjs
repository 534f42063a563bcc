import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'next-env.d.ts', 'coverage/**', 'tmp/**'],
  },
  {
    files: ['app/**', 'components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'meilisearch',
              message: 'Pages and components go through lib/search, never an engine library.',
            },
            {
              name: 'minisearch',
              message: 'Pages and components go through lib/search, never an engine library.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
