// Service.secrets and Service.configs: the spec's references read back (name, ID, file),
// from the request's one service list; nothing of the data.
import type { ServiceResolvers } from '../../generated/graphql.ts';
import type { FileReference } from '../../docker/engine-api/index.ts';
import type { GatewayContext } from '../context.ts';
import type { ServiceModel } from '../../docker/model/types.ts';
import { CONFIGS, SECRETS, type ReferenceReader } from './stored-kinds.ts';

function toReference(ref: FileReference, kind: 'secret' | 'config') {
  return {
    source: (kind === 'secret' ? ref.SecretName : ref.ConfigName) ?? '',
    sourceId: (kind === 'secret' ? ref.SecretID : ref.ConfigID) ?? '',
    target: ref.File?.Name ?? '',
    uid: ref.File?.UID ?? '0',
    gid: ref.File?.GID ?? '0',
    mode: ref.File?.Mode ?? 0o444,
  };
}

async function referencesOf(ctx: GatewayContext, parent: ServiceModel, info: ReferenceReader, kind: 'secret' | 'config') {
  const service = await ctx.loaders(parent.cluster).service(parent.id);
  return info.references(service?.Spec.TaskTemplate?.ContainerSpec).map((r) => toReference(r, kind));
}

export const serviceReferenceFields: Pick<ServiceResolvers, 'secrets' | 'configs'> = {
  secrets: (parent, _args, ctx) => referencesOf(ctx, parent as ServiceModel, SECRETS, 'secret'),
  configs: (parent, _args, ctx) => referencesOf(ctx, parent as ServiceModel, CONFIGS, 'config'),
};
