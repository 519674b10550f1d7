// Where code may run and what it may reach, as dependency-cruiser rules (see ARCHITECTURE.md, "Rules the checker
// enforces"). Allowlists: a dependency that no `allowed` rule covers is a violation, so a new folder, package or
// layer is refused until someone decides where it belongs. Relative imports are resolved before they are judged,
// and an import that resolves to nothing is itself a violation (a path into a forbidden folder cannot slip through
// by naming a file that does not exist yet).

/** Packages the renderer may import: they run in a sandboxed page or a browser tab. */
export const RENDERER_PACKAGES = ['react', 'react-dom', 'zustand', '@tanstack/react-virtual', 'zod', 'recharts'];
/** Small, pure, runtime-neutral packages `shared/` may import (it runs in core, the shell and the renderer). */
export const SHARED_PACKAGES = ['zod', '@noble/curves', '@noble/ciphers', '@noble/hashes'];

// A package is matched resolved (node_modules/x/…) or, when it is missing from disk, by its bare name.
// (Our own folder is called electron/ too, so a bare name is matched whole.)
const ELECTRON = '^(node_modules/electron/|electron$|electron/(main|renderer|common|utility)$)';
const TEST = '\\.test\\.(ts|tsx|mts|mjs)$';
const pkg = (names) => `^node_modules/(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})/`;

/** Top-level folders of electron/core that are domains: each is entered through its own index.ts only. */
export const CORE_DOMAINS = [
  'accounts',
  'contacts',
  'csv',
  'brain',
  'catalog',
  'channels',
  'cli',
  'conversations',
  'desktop',
  'host',
  'drafts',
  'messages',
  'quick-replies',
  'testphone',
  'knowledge',
  'orders',
  'pipeline',
  'server',
  'settings',
  'shops',
  'store',
  'system',
  'text',
  'transport',
  'learning',
  'analytics',
  'media',
  'sync',
];

export const forbidden = [
  {
    name: 'core-not-electron',
    comment:
      'electron/core runs under plain Node (headless server, CLI, tests): what only Electron has comes in through interfaces; not even its types',
    severity: 'error',
    from: { path: '^electron/core/' },
    to: { path: [ELECTRON, '^electron/(main|preload)/', '^renderer/'] },
  },
  {
    name: 'baileys-only-in-whatsapp-channel',
    comment: "Baileys' types stop at channels/whatsapp/; the rest of core speaks our own message types",
    severity: 'error',
    from: { path: '^(electron|shared|renderer)/', pathNot: '^electron/core/channels/whatsapp/' },
    to: { path: '^(node_modules/)?(@whiskeysockets/baileys|libsignal)(/|$)' },
  },
  {
    name: 'sqlite-only-in-store-and-repositories',
    comment:
      'raw better-sqlite3 belongs to the store (connection, migrations) and to repositories (*-repo.ts, repo.ts, repos/, the pipeline hot-path store)',
    severity: 'error',
    from: {
      path: '^(electron|shared|renderer)/',
      pathNot: ['^electron/core/store/', '(^|/)repos?/', '(-|/)repo\\.ts$', '-store\\.ts$', TEST, '/test-utils/'],
    },
    to: { path: '^(node_modules/)?(@types/)?better-sqlite3(/|$)' },
  },
  {
    name: 'domain-internals-private',
    comment: "a core domain is entered through its index.ts; another domain's inner files are its own business",
    severity: 'error',
    from: { path: `^electron/core/(${CORE_DOMAINS.join('|')})/`, pathNot: [TEST, '/test-utils/'] },
    to: {
      path: `^electron/core/(${CORE_DOMAINS.join('|')})/.+`,
      pathNot: [`^electron/core/$1/`, `^electron/core/(${CORE_DOMAINS.join('|')})/index\\.ts$`],
    },
  },
  {
    name: 'no-unresolvable-imports',
    comment: 'every import must name something that exists: an unresolved path cannot be judged, so it is refused',
    severity: 'error',
    from: {},
    to: { couldNotResolve: true },
  },
];

export const allowed = [
  {
    comment: 'renderer → renderer, shared and browser packages',
    from: { path: '^renderer/', pathNot: TEST },
    to: { path: ['^renderer/', '^shared/', pkg(RENDERER_PACKAGES)] },
  },
  {
    comment: 'shared → shared and the small pure packages named in SHARED_PACKAGES',
    from: { path: '^shared/', pathNot: TEST },
    to: { path: ['^shared/', pkg(SHARED_PACKAGES)] },
  },
  {
    comment: 'preload → electron and shared (it is a sandboxed bridge)',
    from: { path: '^electron/preload/', pathNot: TEST },
    to: { path: ['^electron/preload/', '^shared/', ELECTRON] },
  },
  {
    comment: 'main (the shell) → itself, shared, electron, Node, npm packages, and core host helpers it shares',
    from: { path: '^electron/main/', pathNot: TEST },
    to: { path: ['^electron/main/', '^shared/', '^electron/core/(host|server)/', '^node_modules/'] },
  },
  { comment: 'main → Node built-ins', from: { path: '^electron/main/' }, to: { dependencyTypes: ['core'] } },
  {
    comment: 'core → core, shared, Node built-ins and npm packages (electron and the UI are forbidden above)',
    from: { path: '^electron/core/' },
    to: { path: ['^electron/core/', '^shared/', '^node_modules/'] },
  },
  { comment: 'core → Node built-ins', from: { path: '^electron/core/' }, to: { dependencyTypes: ['core'] } },
  {
    comment: 'tests, benchmarks, scripts and build configuration may reach anything (the forbidden rules still apply)',
    from: { path: [TEST, '^tests/', '^bench/', '^scripts/', '^eval/', '^relay/', '^[^/]+\\.(ts|mts|mjs|cjs)$'] },
    to: {},
  },
];
