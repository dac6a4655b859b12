// The direction of imports in src/, checked by `npm run lint:deps` (dependency-cruiser) before
// the tests run (scripts/test.sh), so a wrong-way import or a cycle fails the build:
//
//   http (src/http, src/main.ts)
//     -> graphql (src/graphql, src/generated/graphql.ts)
//       -> auth, audit                 (neither imports the other)
//         -> engine (src/docker), db (src/db, src/generated/prisma)
//   shared leaves below all of them: src/errors, src/validate, src/config, src/grants, src/util
//   src/cli: the command-line entry points; they may import any library, nothing imports them.
//
// A layer may import the layers below it and the leaves; a leaf imports no layer (other leaves
// only). Type-only imports count (tsPreCompilationDeps), so a cycle through types alone fails too.
// test/unit/architecture/import-rules.test.ts proves these rules can fail.

const HTTP = ['^src/http/', '^src/main[.]ts$'];
const GRAPHQL = ['^src/graphql/', '^src/generated/graphql[.]ts$'];
const AUTH = ['^src/auth/'];
const AUDIT = ['^src/audit/'];
const ENGINE = ['^src/docker/'];
const DB = ['^src/db/', '^src/generated/prisma/'];
const LEAVES = ['^src/errors/', '^src/validate/', '^src/config/', '^src/grants/', '^src/util/'];
const CLI = ['^src/cli/'];
const ALL = [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...ENGINE, ...DB, ...LEAVES, ...CLI];

// Known exceptions, while a violation is being removed: rule -> modules it does not check
// yet. None now; an entry needs a comment saying why and which change removes it.
const KNOWN = {
  'no-circular': [],
};

/** A rule that `from` modules may not import `to` modules. */
const never = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from, pathNot: KNOWN[name] ?? [] }, to: { path: to } });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules form no cycle, type-only imports included: a cycle has no bottom to test or read from.',
      severity: 'error',
      from: {},
      // viaOnly.pathNot: a cycle through none of the known modules.
      to: { circular: true, viaOnly: { pathNot: KNOWN['no-circular'].join('|') || '^$.' } },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'every-module-in-a-layer',
      comment: 'A module outside every layer and leaf would escape these rules: put it in one (and name a new folder above).',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: ALL },
    },
    {
      name: 'every-importer-in-a-layer',
      comment: 'As every-module-in-a-layer, for a module that imports.',
      severity: 'error',
      from: { path: '^src/', pathNot: ALL },
      to: {},
    },
    never('leaves-import-no-layer', 'errors, validate, config, grants and util are below every layer: they import none.', LEAVES, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...ENGINE, ...DB, ...CLI]),
    never('engine-knows-nothing-above', 'The engine layer has its own option types and errors: no GraphQL (not even its generated types), auth, audit or database.', ENGINE, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...DB, ...CLI]),
    never('db-knows-nothing-above', 'The database layer serves the audit log and the API tokens; it knows neither, nor the engine.', DB, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...ENGINE, ...CLI]),
    never('auth-not-to-audit-or-above', 'Authentication and authorization decide; they record nothing (the audit log is beside them, not below).', AUTH, [...HTTP, ...GRAPHQL, ...AUDIT, ...CLI]),
    never('audit-not-to-auth-or-above', 'The audit log records decisions made elsewhere; it needs nothing of auth.', AUDIT, [...HTTP, ...GRAPHQL, ...AUTH, ...CLI]),
    never('graphql-not-to-http', 'Resolvers know nothing of the transport that carries them.', GRAPHQL, [...HTTP, ...CLI]),
    never('nothing-imports-a-cli', 'Command-line entry points run libraries; no library depends on one.', ['^src/(?!cli/)'], CLI),
  ],
  options: {
    includeOnly: '^src/',
    // Type-only imports are dependencies too: `import type` between layers is still coupling.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    // Prisma's generated client is the db layer's, and its cycles are its own.
    doNotFollow: { path: ['node_modules', '^src/generated/prisma/'] },
  },
};
