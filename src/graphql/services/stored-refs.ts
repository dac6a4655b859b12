// Secret and config references of a service input (`--secret`, `--config`), resolved to the
// engine's references (ID and name), and THE check that a spec about to be sent references
// only secrets and configs the caller may read: a team deployer must never mount another
// team's secret, so a reference outside its read scope is REFERENCE_NOT_FOUND, exactly as a
// missing one. The check runs on the final spec (after mapping and the policy), whatever
// input path built it.
import type { ConfigReferenceInput, SecretReferenceInput } from '../../generated/graphql.ts';
import type { Config, FileReference, Secret, ServiceSpec } from '../../docker/engine-api/index.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { validateReference } from '../../validate/references.ts';
import type { GatewayContext } from '../context.ts';
import { listInScope } from '../secrets/lookup.ts';
import { CONFIGS, SECRETS } from '../secrets/stored-kinds.ts';

type ReferenceInput = SecretReferenceInput | ConfigReferenceInput;
type Kind = typeof SECRETS | typeof CONFIGS;

/** Why a file name cannot be a target: absolute, `..`, empty, or a NUL. */
function targetProblem(target: string): string | null {
  if (target === '') return 'The target file name must not be empty.';
  if (target.startsWith('/')) return `The target ${JSON.stringify(target)} must be a relative file name (no leading "/").`;
  if (target.split('/').some((part) => part === '..' || part === '')) return `The target ${JSON.stringify(target)} may not contain ".." or empty path parts.`;
  return null;
}

async function resolve(ctx: GatewayContext, kind: Kind, cluster: string, refs: readonly ReferenceInput[], field: string[]): Promise<{ refs: FileReference[]; errors: UserErrorInit[] }> {
  const errors: UserErrorInit[] = [];
  if (!refs.length) return { refs: [], errors };
  const readable: (Secret | Config)[] = await listInScope(ctx, kind as typeof SECRETS, cluster, ctx.authority.readScope(cluster));
  const out: FileReference[] = [];
  const targets = new Map<string, number>();
  refs.forEach((ref, i) => {
    const at = [...field, String(i)];
    const invalid = validateReference(kind.kind, ref.source, [...at, 'source']);
    if (invalid.length) return void errors.push(...invalid);
    const object = readable.find((o) => o.ID === ref.source) ?? readable.find((o) => o.Spec.Name === ref.source);
    if (!object) return void errors.push(userError([...at, 'source'], 'REFERENCE_NOT_FOUND', `${kind.Label} "${ref.source}" does not exist.`));
    const target = ref.target ?? object.Spec.Name;
    const problem = targetProblem(target);
    if (problem) return void errors.push(userError([...at, 'target'], 'INVALID_VALUE', problem));
    if (targets.has(target)) return void errors.push(userError([...at, 'target'], 'INVALID_VALUE', `The target "${target}" is given twice (items ${targets.get(target)} and ${i}).`));
    targets.set(target, i);
    const mode = ref.mode ?? 0o444;
    if (!Number.isInteger(mode) || mode < 0 || mode > 0o777) return void errors.push(userError([...at, 'mode'], 'INVALID_VALUE', `The mode ${mode} is not permission bits (0 to 511, i.e. 0 to 0777 octal).`));
    const file = { Name: target, UID: ref.uid ?? '0', GID: ref.gid ?? '0', Mode: mode };
    out.push(kind.kind === 'secret' ? { File: file, SecretID: object.ID, SecretName: object.Spec.Name } : { File: file, ConfigID: object.ID, ConfigName: object.Spec.Name });
  });
  return { refs: out, errors };
}

/** The create input's `secrets` and `configs` as the container spec's references; userErrors at `input.secrets.N...`. */
export async function resolveStoredReferences(
  ctx: GatewayContext,
  cluster: string,
  input: { secrets?: readonly SecretReferenceInput[] | null; configs?: readonly ConfigReferenceInput[] | null },
): Promise<{ Secrets?: FileReference[]; Configs?: FileReference[] }> {
  const secrets = await resolve(ctx, SECRETS, cluster, input.secrets ?? [], ['input', 'secrets']);
  const configs = await resolve(ctx, CONFIGS, cluster, input.configs ?? [], ['input', 'configs']);
  const errors = [...secrets.errors, ...configs.errors];
  if (errors.length) throw new UserInputError(errors);
  return { ...(secrets.refs.length ? { Secrets: secrets.refs } : {}), ...(configs.refs.length ? { Configs: configs.refs } : {}) };
}

/** serviceUpdate's `secretAdd` and `configAdd`, resolved the same way; userErrors at `input.secretAdd.N...`. */
export async function resolveAddedReferences(
  ctx: GatewayContext,
  cluster: string,
  input: { secretAdd?: readonly SecretReferenceInput[] | null; configAdd?: readonly ConfigReferenceInput[] | null },
): Promise<{ secrets: FileReference[]; configs: FileReference[] }> {
  const secrets = await resolve(ctx, SECRETS, cluster, input.secretAdd ?? [], ['input', 'secretAdd']);
  const configs = await resolve(ctx, CONFIGS, cluster, input.configAdd ?? [], ['input', 'configAdd']);
  const errors = [...secrets.errors, ...configs.errors];
  if (errors.length) throw new UserInputError(errors);
  return { secrets: secrets.refs, configs: configs.refs };
}

/**
 * Refuses a final spec that references a secret or config the caller may not read (by ID:
 * the engine resolves nothing else). `fieldOf(kind, i)` places each refusal.
 */
export async function checkReadableReferences(ctx: GatewayContext, cluster: string, spec: ServiceSpec, fieldOf: (kind: 'secrets' | 'configs', i: number) => string[]): Promise<void> {
  const errors: UserErrorInit[] = [];
  for (const [kind, key] of [[SECRETS, 'secrets'], [CONFIGS, 'configs']] as const) {
    const refs = kind.references(spec.TaskTemplate?.ContainerSpec);
    if (!refs.length) continue;
    const readable = new Set((await listInScope(ctx, kind as typeof SECRETS, cluster, ctx.authority.readScope(cluster))).map((o) => o.ID));
    refs.forEach((ref, i) => {
      const id = kind.referencedId(ref) ?? '';
      if (!readable.has(id)) errors.push(userError(fieldOf(key, i), 'REFERENCE_NOT_FOUND', `${kind.Label} "${(kind.kind === 'secret' ? ref.SecretName : ref.ConfigName) ?? id}" does not exist.`));
    });
  }
  if (errors.length) throw new UserInputError(errors);
}
