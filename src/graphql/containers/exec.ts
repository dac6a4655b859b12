// containerExec (`docker exec CONTAINER CMD...`, never -i, -t or --privileged): a command in a
// running container on the cluster's manager endpoint or a configured engine, within the
// operation's label scope (container-target.ts: NOT_FOUND outside it), audited through
// runMutation with the command in the intent (its secrets redacted by the audit writer,
// src/audit/redact.ts redactArgv). The run itself is the engine layer's
// (src/docker/container-exec.ts). A command still running at its time limit is answered with
// `timedOut: true` and recorded `unknown`: the Engine API cannot stop it, so it may go on.
import type { ContainerExecInput, MutationResolvers } from '../../generated/graphql.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { runContainerExec, type ContainerExecResult } from '../../docker/container-exec.ts';
import { checkContainerExecOptions, DEFAULT_EXEC_TIMEOUT_SECONDS, type ContainerExecOptions } from '../../docker/mapping/container-exec.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { runMutation } from '../run-mutation.ts';
import { clusterOfInput, hostText, targetContainer } from './container-target.ts';

type ContainerExecPayload = {
  execId: string | null;
  exitCode: number | null;
  stdout: string | null;
  stderr: string | null;
  stdoutTruncated: boolean | null;
  stderrTruncated: boolean | null;
  timedOut: boolean | null;
  durationMs: number | null;
  userErrors: UserErrorInit[];
};

const EMPTY: Omit<ContainerExecPayload, 'userErrors'> = {
  execId: null,
  exitCode: null,
  stdout: null,
  stderr: null,
  stdoutTruncated: null,
  stderrTruncated: null,
  timedOut: null,
  durationMs: null,
};

const execOptions = (input: ContainerExecInput): ContainerExecOptions => ({
  command: input.command,
  env: input.env,
  workingDir: input.workingDir,
  user: input.user,
  timeoutSeconds: input.timeoutSeconds,
  maxOutputBytes: input.maxOutputBytes,
});

function payloadOf(r: ContainerExecResult): Omit<ContainerExecPayload, 'userErrors'> {
  return {
    execId: r.execId,
    exitCode: r.exitCode,
    stdout: r.stdout.text,
    stderr: r.stderr.text,
    stdoutTruncated: r.stdout.truncated,
    stderrTruncated: r.stderr.truncated,
    timedOut: r.timedOut,
    durationMs: r.durationMs,
  };
}

/** The audit outcome's reason for a command past its time limit: what is known of it. */
function unfinishedReason(r: ContainerExecResult, seconds: number): string {
  const state = r.stillRunning === true ? `the engine still reports it running${r.pid ? ` (host pid ${r.pid})` : ''}` : r.stillRunning === false ? 'the engine reports it ended just after' : 'the engine did not say whether it still runs';
  return `exec ${r.execId} had not ended after ${seconds} s; the Engine API cannot stop an exec'd process, so it may still be running: ${state}. ${r.stdout.totalBytes} bytes of stdout and ${r.stderr.totalBytes} of stderr were read.`;
}

export const containerExec: MutationResolvers['containerExec'] = (_root, { input }, ctx) =>
  runMutation<ContainerExecPayload>(ctx, { operation: 'containerExec', cluster: clusterOfInput(ctx.registry, input), target: input.container, input }, EMPTY, async () => {
    const options = checkContainerExecOptions(execOptions(input));
    const { host, container } = await targetContainer(ctx, input);
    const status = container.State?.Status ?? 'unknown';
    if (status !== 'running') {
      throw new UserInputError([userError(['input', 'container'], 'INVALID_STATE', `Container "${container.Name.replace(/^\//, '')}" on ${hostText(host)} is not running (${status}); a command runs only in a running container.`)]);
    }
    const result = await runContainerExec(host.api, container.Id, options);
    return {
      payload: payloadOf(result),
      objectIds: [container.Id, result.execId],
      ...(result.timedOut ? { unfinished: { reason: unfinishedReason(result, options.timeoutSeconds ?? DEFAULT_EXEC_TIMEOUT_SECONDS) } } : {}),
    };
  });
