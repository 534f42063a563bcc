/**
 * Import rules checked by `npm run lint:deps` (part of `npm test`). Type-only imports count
 * (`tsPreCompilationDeps`): a loop through `import type` is still a loop in the design.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import loops, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-tools-in-production',
      severity: 'error',
      comment:
        'The benchmark and the corpus generator (tools/) are never imported by the app or its library.',
      from: { path: '^(lib|app|components|scripts/(ingest|search|serve|bundle-server))' },
      to: { path: '^tools/' },
    },
    {
      name: 'no-benchmark-libraries-in-production',
      severity: 'error',
      comment: 'MiniSearch, FlexSearch and Orama are benchmark peers: only tools/bench may import them.',
      from: { pathNot: '^(tools/bench|tests)/' },
      to: { path: 'node_modules/(minisearch|flexsearch|@orama)/' },
    },
    {
      name: 'engines-only-through-the-port',
      severity: 'error',
      comment:
        'Pages and components reach an engine through lib/search (the SearchEngine port), never directly.',
      from: { path: '^(app|components)/' },
      to: { path: ['^lib/search/(embedded|meilisearch)/', 'node_modules/meilisearch/'] },
    },
    {
      name: 'engines-apart',
      severity: 'error',
      comment:
        'The embedded engine and the Meilisearch adapter never import each other: each talks only to the port.',
      from: { path: '^lib/search/(embedded|meilisearch)/' },
      to: { path: '^lib/search/(embedded|meilisearch)/', pathNot: '^lib/search/$1/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (type packages such as @types/mdast are named by their module).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(mdast|hast)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|data|tmp|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
