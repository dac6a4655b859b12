// The import-direction check (`npm run lint:deps`, .dependency-cruiser.cjs) can fail: on a
// small tree with an engine module that imports a GraphQL one, a type-only cycle, a leaf
// that imports a layer, a library that imports a CLI and a module in no layer,
// dependency-cruiser reports each, and it reports nothing on the same tree's imports that
// follow the direction.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const CONFIG = new URL('../../../.dependency-cruiser.cjs', import.meta.url).pathname;
const DEPCRUISE = new URL('../../../node_modules/dependency-cruiser/bin/dependency-cruise.mjs', import.meta.url).pathname;

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Writes the files (path -> source) into a fresh tree and cruises its src/ with the project's
 * rules, as `npm run lint:deps` does: its exit status and its report.
 */
function cruise(files: Record<string, string>): { status: number | null; report: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-import-rules-'));
  dirs.push(dir);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, report: `${run.stdout}${run.stderr}` };
}

const RIGHT_WAY = {
  'src/main.ts': "import { serve } from './http/serve.ts';\nserve();\n",
  'src/http/serve.ts': "import { resolve } from '../graphql/resolve.ts';\nexport function serve(): string {\n  return resolve();\n}\n",
  'src/graphql/resolve.ts': "import { decide } from '../auth/decide.ts';\nimport { record } from '../audit/record.ts';\nexport function resolve(): string {\n  return record(decide());\n}\n",
  'src/auth/decide.ts': "import { inspect } from '../docker/inspect.ts';\nexport function decide(): string {\n  return inspect();\n}\n",
  'src/audit/record.ts': "import { store } from '../db/store.ts';\nexport function record(text: string): string {\n  return store(text);\n}\n",
  'src/docker/inspect.ts': "import { checkName } from '../validate/name.ts';\nexport function inspect(): string {\n  return checkName('web');\n}\n",
  'src/db/store.ts': 'export function store(text: string): string {\n  return text;\n}\n',
  'src/validate/name.ts': "import type { Limits } from '../config/limits.ts';\nexport function checkName(name: string, limits?: Limits): string {\n  return name.slice(0, limits?.max);\n}\n",
  'src/config/limits.ts': 'export interface Limits {\n  max: number;\n}\n',
  'src/cli/tool.ts': "import { store } from '../db/store.ts';\nstore('x');\n",
};

test('imports that follow the direction pass', () => {
  const { status, report } = cruise(RIGHT_WAY);
  assert.equal(status, 0, report);
  assert.match(report, /no dependency violations found/);
});

test('a wrong-way import, a type-only cycle, a leaf importing a layer, an import of a CLI and a module in no layer are each reported', () => {
  const { status, report } = cruise({
    ...RIGHT_WAY,
    // The engine reaches up into the GraphQL layer (for a type, which counts as well).
    'src/docker/inspect.ts': "import type { Payload } from '../graphql/payload.ts';\nexport function inspect(): Payload {\n  return 'x';\n}\n",
    'src/graphql/payload.ts': 'export type Payload = string;\n',
    // Two engine modules that need each other's types only.
    'src/docker/a.ts': "import type { B } from './b.ts';\nexport interface A {\n  b?: B;\n}\n",
    'src/docker/b.ts': "import type { A } from './a.ts';\nexport interface B {\n  a?: A;\n}\n",
    // A shared leaf that imports auth.
    'src/config/limits.ts': "import type { Role } from '../auth/role.ts';\nexport interface Limits {\n  max: number;\n  role?: Role;\n}\n",
    'src/auth/role.ts': "export type Role = 'viewer';\n",
    // A library that runs a command-line entry point.
    'src/db/store.ts': "import '../cli/tool.ts';\nexport function store(text: string): string {\n  return text;\n}\n",
    // A module in no layer, which the rules would not otherwise see.
    'src/misc/helper.ts': "import { checkName } from '../validate/name.ts';\nexport const helper = checkName;\n",
  });
  assert.match(report, /error engine-knows-nothing-above: src\/docker\/inspect\.ts → src\/graphql\/payload\.ts/);
  assert.match(report, /error no-circular: src\/docker\/(a|b)\.ts →\s+src\/docker\/(a|b)\.ts →\s+src\/docker\/(a|b)\.ts/);
  assert.match(report, /error leaves-import-no-layer: src\/config\/limits\.ts → src\/auth\/role\.ts/);
  assert.match(report, /error nothing-imports-a-cli: src\/db\/store\.ts → src\/cli\/tool\.ts/);
  assert.match(report, /error every-importer-in-a-layer: src\/misc\/helper\.ts → src\/validate\/name\.ts/);
  assert.notEqual(status, 0, 'the command fails, so the build does');
});
