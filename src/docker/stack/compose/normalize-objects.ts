// The top-level networks, volumes, secrets and configs of a validated compose file in
// their ComposeFile shapes. `external: {name: x}` (the older spelling) is folded into
// `name`, and an external object without a name is named by its key, as the CLI does.
// The data of a secret or config the stack creates comes from the gateway's extensions:
// `content` (configs only: a secret's data must not sit in the compose text, which the
// audit keeps; key-table.ts refuses it) or `environment`, the name of a stackDeploy variable.
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import type { ComposeFileObject, ComposeNetwork, ComposeVolume } from '../compose-file.ts';
import { listOrDict } from './mappings.ts';

// The raw value has passed the schema: its shape is known, so it is read without casts.
type Raw = Record<string, any>;

interface External {
  external: boolean;
  name: string | null;
}

function external(raw: Raw, path: string[], problems: UserErrorInit[], key: string): External {
  const ext = raw.external;
  const isExternal = ext === true || (typeof ext === 'object' && ext !== null);
  const oldName: string | undefined = typeof ext === 'object' && ext !== null ? ext.name : undefined;
  if (oldName !== undefined && raw.name !== undefined) {
    problems.push(userError([...path, 'external', 'name'], 'COMPOSE_INVALID', `${path.join('.')}: external.name and name conflict; only use name.`));
  }
  const name: string | null = raw.name ?? oldName ?? (isExternal ? key : null);
  return { external: isExternal, name };
}

export function normalizeNetwork(key: string, raw: Raw | null, problems: UserErrorInit[]): ComposeNetwork {
  const r = raw ?? {};
  const path = ['networks', key];
  const ext = external(r, path, problems, key);
  return {
    name: ext.name,
    driver: r.driver ?? null,
    driver_opts: listOrDict(r.driver_opts, false),
    ipam: r.ipam ? { driver: r.ipam.driver ?? null, config: (r.ipam.config ?? []).map((c: { subnet: string }) => ({ subnet: c.subnet })) } : null,
    external: ext.external,
    internal: r.internal ?? false,
    attachable: r.attachable ?? false,
    labels: listOrDict(r.labels, false),
  };
}

export function normalizeVolumeObject(key: string, raw: Raw | null, problems: UserErrorInit[]): ComposeVolume {
  const r = raw ?? {};
  const path = ['volumes', key];
  const ext = external(r, path, problems, key);
  if (ext.external) {
    // The CLI's rule: an external volume exists already, so the file cannot configure it.
    for (const conflicting of ['driver', 'driver_opts', 'labels']) {
      if (r[conflicting] !== undefined) {
        problems.push(userError([...path, conflicting], 'COMPOSE_INVALID', `${path.join('.')}: conflicting parameters "external" and "${conflicting}": an external volume is not configured by the stack.`));
      }
    }
  }
  return { name: ext.name, driver: r.driver ?? null, driver_opts: listOrDict(r.driver_opts, false), external: ext.external, labels: listOrDict(r.labels, false) };
}

export function normalizeFileObject(
  kind: 'secrets' | 'configs',
  key: string,
  raw: Raw | null,
  variables: Readonly<Record<string, string>>,
  problems: UserErrorInit[],
): ComposeFileObject {
  const r = raw ?? {};
  const path = [kind, key];
  const where = path.join('.');
  const ext = external(r, path, problems, key);
  let data: string | null = null;
  let dataFrom: ComposeFileObject['dataFrom'] = null;
  const hasContent = r.content !== undefined;
  const hasVariable = r.environment !== undefined;
  if (ext.external) {
    for (const k of ['content', 'environment'] as const) {
      if (r[k] !== undefined) problems.push(userError([...path, k], 'COMPOSE_INVALID', `${where}: an external ${kind.slice(0, -1)} exists already; it takes no ${k}.`));
    }
  } else if (hasContent && hasVariable) {
    problems.push(userError(path, 'COMPOSE_INVALID', `${where}: give its data one way, content or environment, not both.`));
  } else if (hasVariable) {
    const name = r.environment as string;
    if (Object.hasOwn(variables, name)) {
      data = variables[name]!;
      dataFrom = { variable: name };
    } else {
      problems.push(userError([...path, 'environment'], 'INVALID_VALUE', `${where}.environment: the variable ${name} is not among stackDeploy's variables.`));
    }
  } else if (hasContent) {
    // Secrets' content is refused by the key table before this point.
    data = r.content as string;
    dataFrom = { content: true };
  } else if (!(kind === 'secrets' && r.driver !== undefined) && r.file === undefined) {
    // (A secret of a driver plugin has its data from the plugin; `file` is refused elsewhere.)
    const ways = kind === 'configs' ? '`content: <text>` or `environment: VARNAME` (a stackDeploy variable)' : '`environment: VARNAME` (a stackDeploy variable)';
    problems.push(userError(path, 'COMPOSE_INVALID', `${where}: a ${kind.slice(0, -1)} the stack creates needs its data: give ${ways}, or mark it \`external: true\`.`));
  }
  return {
    name: ext.name,
    external: ext.external,
    labels: listOrDict(r.labels, false),
    driver: r.driver ?? null,
    driver_opts: listOrDict(r.driver_opts, false),
    template_driver: r.template_driver ?? null,
    data,
    dataFrom,
  };
}
