// The layering of docs/architecture.md, held by `npm test` (npm run lint:layers). A violation names its rule.
//
//   apps (gateway, projector, ops, console)
//     -> application -> runtime -> read-models -> uploads, notifications, auth -> event-store -> domain -> kernel
//
// An arrow only points down; a library is entered only through its index.ts (or testing/index.ts, for tests).

/** The libraries from the top down: each may import those after it, never those before it. */
const LAYERS = [
  'application',
  'runtime',
  'read-models',
  'uploads|notifications|auth',
  'event-store',
  'domain',
  'kernel',
];

const below = (index) => LAYERS.slice(index + 1).join('|');
const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.split('|')[0]}-imports-only-below`,
  comment: `libs/${layer} may import only the libraries below it (${below(index)}) and the kernel`,
  severity: 'error',
  from: { path: `^libs/(${layer})/` },
  to: {
    path: '^libs/([^/]+)/',
    pathNot: [`^libs/(${layer})/`, `^libs/(${below(index)})/`],
  },
}));

// The edges of one layer never lean on each other: each is its own way out of the service.
const edgeRules = ['uploads', 'notifications', 'auth'].map((edge) => ({
  name: `edge-${edge}-stands-alone`,
  comment: `libs/${edge} is an edge of its own: it imports no other edge library`,
  severity: 'error',
  from: { path: `^libs/${edge}/` },
  to: { path: '^libs/(uploads|notifications|auth)/', pathNot: `^libs/${edge}/` },
}));

/** Node's modules that reach outside the process (files, network, processes, threads). */
const NODE_IO =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|tls|readline|os|process|v8|vm|inspector)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a circle cannot be understood (or tested) one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'The domain is pure functions: no Nest, no Node I/O, no other layer but the kernel (it is decided and tested alone).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        pathNot: ['^libs/(domain|kernel)/'],
        path: [
          '^libs/',
          '^node_modules/@nestjs/',
          '^node_modules/(mongodb|@eventstore|express|busboy|nodemailer)/',
          NODE_IO,
        ],
      },
    },
    {
      name: 'kernel-imports-nothing',
      comment: 'The kernel is what every layer needs and needs nothing of theirs.',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: ['^libs/(?!kernel/)', '^node_modules/@nestjs/', NODE_IO] },
    },
    {
      name: 'no-nest-in-libraries',
      comment:
        'Nest lives at the edges (the apps): libraries are plain TypeScript, usable by any app and by tests.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^node_modules/@nestjs/' },
    },
    {
      name: 'no-library-imports-an-app',
      comment: 'Libraries are below the apps: an app may use them, never the reverse.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-imports-another-app',
      comment: 'Each app stands alone; what two apps share belongs in a library.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'enter-a-library-by-its-index',
      comment:
        'Import a library by its alias (@invitations/<lib>), which is its src/index.ts; never a file past it. Tests may use @invitations/<lib>/testing.',
      severity: 'error',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/(testing/)?index\\.ts$' },
    },
    {
      name: 'enter-another-library-by-its-index',
      comment:
        'Inside a library, files import each other freely; another library only by its alias (its src/index.ts).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/(testing/)?index\\.ts$'] },
    },
    {
      name: 'testing-entries-only-in-tests',
      comment:
        "A library's testing entry (fixtures, fakes, contract suites) is for tests and benchmarks, not for the service.",
      severity: 'error',
      from: {
        path: '^(apps|libs)/',
        pathNot: ['\\.spec\\.ts$', '\\.e2e\\.ts$', '/testing/', '\\.script\\.ts$'],
      },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    ...layerRules,
    ...edgeRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^apps/console/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
