// The Engine reports a stale `?version=` as a 500 "update out of sequence" from swarmkit;
// the caller can fix it by re-reading, so it becomes a VERSION_CONFLICT on the version field.
import { EngineRequestError } from '../../docker/engine-errors.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { cleanEngineMessage } from '../engine-user-errors.ts';

const OUT_OF_SEQUENCE = /update out of sequence|version mismatch|object version/i;

export async function versionConflictAsUserError<T>(update: () => Promise<T>): Promise<T> {
  try {
    return await update();
  } catch (err) {
    if (err instanceof EngineRequestError && OUT_OF_SEQUENCE.test(err.engineMessage)) {
      throw new UserInputError([
        userError(['input', 'version'], 'VERSION_CONFLICT', `the service changed since the version given (${cleanEngineMessage(err.engineMessage)}); read it again and retry`),
      ]);
    }
    throw err;
  }
}
