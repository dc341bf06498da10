// The layers of src/ and the rules that keep them, checked by `npm run layers` (in .ci/run).
// Rules: https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
//
//   core      domain/ (the types the core speaks, and the ports adapters implement), plan/ (the
//             planner): pure, no I/O, importing nothing outside the core.
//   adapters  settings/, http/, personio/, leapsome/, apply/, snapshot/, plan-file/, report/,
//             progress/, github/, run/: depend on the core, never the reverse, never in a circle.
//   entries   main.ts + index.ts (the GitHub Action), cli/ (the command line); demo/ and bench/.
//   shared/   helpers with no knowledge of Personio, Leapsome or the sync (error messages, zod
//             issues as text): they import nothing of ours, and any adapter may use them.
//   sandbox/  local fakes of the two APIs: it imports nothing of the product (shared/ aside), and
//             the product imports nothing of it, so tests against it check our code against an
//             independent model.
//
// A violation fails with the rule's name, e.g. "error core-imports-only-core: src/plan/x.ts → src/http/y.ts".

const CORE = '^src/(domain|plan)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment:
        'domain/ and plan/ are the pure core: everything they need arrives as arguments. Adapters depend on the core, never the reverse. Move the shared type into domain/, or pass the value in.',
      from: { path: CORE },
      to: { path: '^src/', pathNot: CORE },
    },
    {
      name: 'domain-is-the-bottom',
      severity: 'error',
      comment: 'domain/ is the vocabulary the planner and the adapters share; it imports nothing else of ours.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'core-does-no-io',
      severity: 'error',
      comment:
        'domain/ and plan/ import no package and no Node module (fs, net, crypto, undici, @actions/*, ...): the core computes, adapters do I/O. Give the core the result as an argument.',
      from: { path: CORE },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'npm-bundled'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not import each other in a circle (type-only imports count): split out what both need.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      comment: 'Folders must not depend on each other in a circle: move what both need to the lower one (often domain/).',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'entries-are-the-top',
      severity: 'error',
      comment: 'Nothing imports an entry point (main.ts, index.ts, cli/, demo/, bench/): they compose the rest.',
      from: { path: '^src/', pathNot: '^src/(index\\.ts$|cli/|demo/|bench/)' },
      to: { path: ['^src/(main|index)\\.ts$', '^src/(cli|demo|bench)/'] },
    },
    {
      name: 'actions-toolkit-only-in-the-action',
      severity: 'error',
      comment:
        '@actions/* packages are for the GitHub Action only (main.ts and github/): the command line must not bundle them. Take what you need as an argument instead.',
      from: { path: '^src/', pathNot: ['^src/main\\.ts$', '^src/github/'] },
      to: { path: 'node_modules/@actions/' },
    },
    {
      name: 'github-only-from-the-action',
      severity: 'error',
      comment: "github/ (comments, event payload, the Actions cache store) is the Action's own adapter: only main.ts imports it.",
      from: { path: '^src/', pathNot: ['^src/main\\.ts$', '^src/github/'] },
      to: { path: '^src/github/' },
    },
    {
      name: 'cli-never-reaches-actions-toolkit',
      severity: 'error',
      comment:
        'Nothing the command line imports, however indirectly (a barrel, a re-export), may lead to @actions/*: they would land in the CLI bundle.',
      from: { path: '^src/cli/' },
      to: { path: 'node_modules/@actions/', reachable: true },
    },
    {
      name: 'sandbox-stands-alone',
      severity: 'error',
      comment:
        'The sandbox models the real APIs independently of our clients and planner, so tests against it can catch our mistakes: it imports nothing of the product (the generic helpers in shared/ aside).',
      from: { path: '^src/sandbox/' },
      to: { path: '^src/', pathNot: '^src/(sandbox|shared)/' },
    },
    {
      name: 'shared-knows-nothing',
      severity: 'error',
      comment: 'shared/ holds helpers that know nothing of the product: they import nothing else of ours.',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'product-never-imports-the-sandbox',
      severity: 'error',
      comment: 'Only the demo and the benchmark start the sandbox; the action and the command line never do.',
      from: { path: '^src/', pathNot: '^src/(sandbox|demo|bench)/' },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      comment: 'src/ is bundled and shipped; it must not import from test/.',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are structure too: a cycle through them is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
