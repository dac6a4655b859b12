// Small pieces shared by the mapping functions.
import { userError, type UserErrorCode, type UserErrorInit } from '../../errors/codes.ts';
import { InvalidOptionsError, rejectIfAny } from '../../errors/gateway-error.ts';
import type { KeyValueLike, PortConfigLike } from '../../validate/index.ts';
import type { PortConfig as PortConfigBody, StringMap } from '../engine-api/index.ts';

declare const checkedBrand: unique symbol;

/**
 * Options that passed their operation's check (`checkXOptions`). The functions that build
 * bodies take only these, so an invalid body cannot be built and no option is checked twice.
 */
export type Checked<T> = T & { readonly [checkedBrand]: true };

/** The options as Checked when `problems` is empty; otherwise throws them as an InvalidOptionsError. */
export function checked<T>(options: T, problems: readonly UserErrorInit[]): Checked<T> {
  rejectIfAny(problems, InvalidOptionsError);
  return options as Checked<T>;
}

/** Throws one problem: for a change the object's current state does not allow. */
export function reject(field: string[], code: UserErrorCode, message: string): never {
  throw new InvalidOptionsError([userError(field, code, message)]);
}

/** Label changes (`--label-add`, `--label-rm`): removals apply first, as in the CLI. */
export interface LabelChangeOptions {
  add?: readonly KeyValueLike[] | null | undefined;
  remove?: readonly string[] | null | undefined;
}

/** Orders text by UTF-16 code units, as Go's sort.Strings orders the CLI's lists. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A replica count: a whole number, 0 or more (`--replicas`). */
export function replicaErrors(replicas: number, field: string[]): UserErrorInit[] {
  if (Number.isInteger(replicas) && replicas >= 0) return [];
  return [userError(field, 'INVALID_VALUE', `${replicas} replicas is not valid; give 0 or more.`)];
}

/**
 * `[{key, value}]` -> `{key: value}`; a missing value is "" (as `--label k` gives). Built with
 * fromEntries so that a key such as "__proto__" stays an ordinary key.
 */
export function toStringMap(pairs: readonly KeyValueLike[] | null | undefined): StringMap {
  return Object.fromEntries((pairs ?? []).map(({ key, value }) => [key, value ?? '']));
}

/** A parsed port in the Engine's shape; an unset published port is left out, as the CLI does. */
export function toPortConfigBody(port: PortConfigLike): PortConfigBody {
  return {
    Protocol: port.protocol.toLowerCase() as PortConfigBody['Protocol'],
    TargetPort: port.targetPort,
    ...(port.publishedPort !== null ? { PublishedPort: port.publishedPort } : {}),
    PublishMode: port.publishMode.toLowerCase() as PortConfigBody['PublishMode'],
  };
}

/** The Engine's port back in the parsed shape (for checks on a spec read from the engine). */
export function fromPortConfigBody(port: PortConfigBody): PortConfigLike {
  return {
    targetPort: port.TargetPort,
    publishedPort: port.PublishedPort ? port.PublishedPort : null,
    protocol: (port.Protocol ?? 'tcp').toUpperCase() as PortConfigLike['protocol'],
    publishMode: (port.PublishMode ?? 'ingress').toUpperCase() as PortConfigLike['publishMode'],
  };
}
