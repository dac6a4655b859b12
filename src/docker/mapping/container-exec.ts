// `docker exec` options -> the exec create body (moby's ExecOptions). The limits are the
// gateway's: a command is argv (no shell is added), at most MAX_EXEC_ARGS items and
// MAX_EXEC_COMMAND_BYTES in all; the wait and the kept output are bounded. The body never
// attaches stdin, never asks for a TTY and never runs privileged, whatever the options say:
// the options have no field for them.
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { validateEnv } from '../../validate/index.ts';
import { q } from '../../validate/field.ts';
import type { ExecCreateBody } from '../engine-api/index.ts';
import { checked, type Checked } from './common.ts';

export const MAX_EXEC_ARGS = 256;
export const MAX_EXEC_COMMAND_BYTES = 64 * 1024;
export const DEFAULT_EXEC_TIMEOUT_SECONDS = 30;
export const MAX_EXEC_TIMEOUT_SECONDS = 300;
export const DEFAULT_EXEC_OUTPUT_BYTES = 64 * 1024;
export const MAX_EXEC_OUTPUT_BYTES = 1024 * 1024;

export interface ContainerExecOptions {
  command: readonly string[];
  env?: readonly string[] | null | undefined;
  workingDir?: string | null | undefined;
  user?: string | null | undefined;
  timeoutSeconds?: number | null | undefined;
  maxOutputBytes?: number | null | undefined;
}

/** `user`, `uid`, `user:group`, `uid:gid` (`docker exec --user`): no blanks, no path characters. */
const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;
const MAX_USER_LENGTH = 256;
const MAX_WORKDIR_LENGTH = 4096;

function rangeErrors(value: number | null | undefined, field: string, min: number, max: number, unit: string): UserErrorInit[] {
  if (value == null || (Number.isInteger(value) && value >= min && value <= max)) return [];
  return [userError([field], 'INVALID_VALUE', `${value} is not a valid ${field}; give ${min} to ${max} ${unit}.`)];
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateContainerExecOptions(o: ContainerExecOptions): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  if (o.command.length === 0) errors.push(userError(['command'], 'INVALID_VALUE', 'The command is empty; give the program and its arguments, e.g. ["ls", "-l"].'));
  else if (o.command[0]!.trim() === '') errors.push(userError(['command', '0'], 'INVALID_VALUE', 'The program to run (the first item of the command) is empty.'));
  if (o.command.length > MAX_EXEC_ARGS) errors.push(userError(['command'], 'INVALID_VALUE', `The command has ${o.command.length} items; at most ${MAX_EXEC_ARGS}.`));
  const bytes = o.command.reduce((sum, arg) => sum + Buffer.byteLength(arg, 'utf8'), 0);
  if (bytes > MAX_EXEC_COMMAND_BYTES) errors.push(userError(['command'], 'INVALID_VALUE', `The command is ${bytes} bytes long; at most ${MAX_EXEC_COMMAND_BYTES}.`));
  errors.push(...validateEnv(o.env ?? [], ['env']));
  const dir = o.workingDir;
  if (dir != null && (!dir.startsWith('/') || dir.length > MAX_WORKDIR_LENGTH)) {
    errors.push(userError(['workingDir'], 'INVALID_VALUE', `The working directory ${q(dir.slice(0, 80))} is not an absolute path of at most ${MAX_WORKDIR_LENGTH} characters.`));
  }
  const user = o.user;
  if (user != null && (user.length > MAX_USER_LENGTH || !USER.test(user))) {
    errors.push(userError(['user'], 'INVALID_VALUE', `${q(user.slice(0, 80))} is not a user; write user, uid, user:group or uid:gid.`));
  }
  errors.push(...rangeErrors(o.timeoutSeconds, 'timeoutSeconds', 1, MAX_EXEC_TIMEOUT_SECONDS, 'seconds'));
  errors.push(...rangeErrors(o.maxOutputBytes, 'maxOutputBytes', 1, MAX_EXEC_OUTPUT_BYTES, 'bytes'));
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkContainerExecOptions(options: ContainerExecOptions): Checked<ContainerExecOptions> {
  return checked(options, validateContainerExecOptions(options));
}

export function toExecCreateBody(o: Checked<ContainerExecOptions>): ExecCreateBody {
  return {
    Cmd: [...o.command],
    ...(o.env && o.env.length > 0 ? { Env: [...o.env] } : {}),
    ...(o.workingDir ? { WorkingDir: o.workingDir } : {}),
    ...(o.user ? { User: o.user } : {}),
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    Privileged: false,
  };
}
