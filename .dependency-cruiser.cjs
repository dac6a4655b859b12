// The direction of imports in src/, checked by `npm run lint:deps` (dependency-cruiser) before
// the tests run (scripts/test.sh), so a wrong-way import or a cycle fails the build:
//
//   http (src/http, src/main.ts)
//     -> graphql (src/graphql, src/generated/graphql.ts)
//       -> triggers (src/triggers)      (redeploy triggers' store; may use auth's token checks)
//       -> webhooks (src/webhooks)      (deliveries; may use rollouts and audit)
//         -> rollouts (src/rollouts)    (rollout trackers and their store)
//       -> auth, audit                 (neither imports the other, nor any of the three above)
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
const ROLLOUTS = ['^src/rollouts/'];
const WEBHOOKS = ['^src/webhooks/'];
const TRIGGERS = ['^src/triggers/'];
const BESIDE = [...ROLLOUTS, ...WEBHOOKS, ...TRIGGERS];
const ALL = [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...BESIDE, ...ENGINE, ...DB, ...LEAVES, ...CLI];

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
    never('leaves-import-no-layer', 'errors, validate, config, grants and util are below every layer: they import none.', LEAVES, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...BESIDE, ...ENGINE, ...DB, ...CLI]),
    never('engine-knows-nothing-above', 'The engine layer has its own option types and errors: no GraphQL (not even its generated types), auth, audit or database.', ENGINE, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...BESIDE, ...DB, ...CLI]),
    never('db-knows-nothing-above', 'The database layer serves the audit log and the API tokens; it knows neither, nor the engine.', DB, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...BESIDE, ...ENGINE, ...CLI]),
    never('auth-not-to-audit-or-above', 'Authentication and authorization decide; they record nothing (the audit log is beside them, not below).', AUTH, [...HTTP, ...GRAPHQL, ...AUDIT, ...BESIDE, ...CLI]),
    never('audit-not-to-auth-or-above', 'The audit log records decisions made elsewhere; it needs nothing of auth.', AUDIT, [...HTTP, ...GRAPHQL, ...AUTH, ...BESIDE, ...CLI]),
    never('rollouts-know-engine-and-db-only', 'Rollout trackers read the engine and keep their state in the database; they know no request, principal, audit record or delivery.', ROLLOUTS, [...HTTP, ...GRAPHQL, ...AUTH, ...AUDIT, ...WEBHOOKS, ...TRIGGERS, ...CLI]),
    never('webhooks-below-graphql', 'Webhook deliveries follow rollouts and record attempts in the audit log; they know no request or principal.', WEBHOOKS, [...HTTP, ...GRAPHQL, ...AUTH, ...TRIGGERS, ...CLI]),
    never('triggers-below-graphql', 'The redeploy triggers\' store may ask auth whether a creator\'s token still holds; it runs no GraphQL itself.', TRIGGERS, [...HTTP, ...GRAPHQL, ...AUDIT, ...WEBHOOKS, ...ROLLOUTS, ...CLI]),
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
