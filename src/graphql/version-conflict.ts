// Swarm objects (services, nodes, the swarm itself) change at a version: the engine takes
// an update only at the version the object is at, so a change made by someone else since
// it was read is never overwritten. The one rule, for every versioned mutation: a version
// the caller gives (`input.version`) that is not the current one is refused before the
// engine is asked, and a version that goes stale meanwhile is refused by the engine
// (swarmkit's 500 "update out of sequence"); both are VERSION_CONFLICT: re-read and retry.
import { userError } from '../errors/codes.ts';
import { UserInputError } from '../errors/gateway-error.ts';
import { userErrorFromEngine } from './engine-user-errors.ts';

/** The object as read, for the check and the caller's message. */
export interface VersionedObject {
  /** How the message names it: `The service "web"`, `Node worker-1`, `The swarm`. */
  label: string;
  /** `Version.Index` as read. */
  version: number;
}

const VERSION_FIELD = ['input', 'version'];

/**
 * Sends an update at the object's current version. `given` is the caller's `input.version`
 * (null or undefined: none given); `versioned` is false for operations whose input has no
 * version (a rollback, a token rotation), whose conflicts then point at no field.
 */
export async function updateAtVersion<T>(
  object: VersionedObject,
  given: number | null | undefined,
  send: (version: number) => Promise<T>,
  { versioned = true }: { versioned?: boolean } = {},
): Promise<T> {
  const field = versioned ? VERSION_FIELD : null;
  if (given != null && given !== object.version) {
    throw new UserInputError([
      userError(field, 'VERSION_CONFLICT', `${object.label} changed since version ${given} (it is at version ${object.version} now); read it again and retry.`),
    ]);
  }
  try {
    return await send(object.version);
  } catch (err) {
    const conflict = userErrorFromEngine(err, { field: field ?? undefined, about: object.label });
    if (conflict?.code === 'VERSION_CONFLICT') throw new UserInputError([conflict]);
    throw err;
  }
}
