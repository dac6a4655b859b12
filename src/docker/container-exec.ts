// Runs one exec to its end or its time limit (`docker exec CONTAINER CMD...` without -i/-t):
// create the instance, start it attached, read its multiplexed output into a BoundedOutput
// until the engine ends the body (the command exited) or the time is up, then inspect it for
// the exit code. The Engine API has no call to stop an exec'd process: at the time limit the
// gateway only stops reading, and the process may go on in the container (`running`).
import { createExec, inspectExec, startExec } from './api/exec.ts';
import type { StreamingEngineApi } from './endpoint.ts';
import type { ExecInspect } from './engine-api/index.ts';
import { BoundedOutput, type StreamOutput } from './bounded-output.ts';
import { DEFAULT_EXEC_OUTPUT_BYTES, DEFAULT_EXEC_TIMEOUT_SECONDS, toExecCreateBody, type ContainerExecOptions } from './mapping/container-exec.ts';
import type { Checked } from './mapping/common.ts';
import { FrameSplitter } from './multiplexed-stream.ts';
import { readStream } from './stream-reader.ts';

export interface ContainerExecResult {
  execId: string;
  /** Null when the command had not ended at the time limit. */
  exitCode: number | null;
  stdout: StreamOutput;
  stderr: StreamOutput;
  timedOut: boolean;
  /** At the time limit: whether the engine still reports the process running (null: not asked, or it did not answer). */
  stillRunning: boolean | null;
  /** The process ID on the host, when the engine reports one. */
  pid: number | null;
  durationMs: number;
}

/** After the output ends the engine may take a moment to record the exit code. */
const EXIT_CODE_WAIT_MS = 2000;
const EXIT_CODE_POLL_MS = 50;

async function finishedInspect(api: StreamingEngineApi, id: string): Promise<ExecInspect> {
  const deadline = performance.now() + EXIT_CODE_WAIT_MS;
  for (;;) {
    const inspect = await inspectExec(api, id);
    if (!inspect.Running || performance.now() >= deadline) return inspect;
    await new Promise((resolve) => setTimeout(resolve, EXIT_CODE_POLL_MS));
  }
}

function abortedOf(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
}

/** `container`: the container's ID on `api`'s engine, running. */
export async function runContainerExec(api: StreamingEngineApi, container: string, options: Checked<ContainerExecOptions>): Promise<ContainerExecResult> {
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_EXEC_TIMEOUT_SECONDS) * 1000;
  const output = new BoundedOutput(options.maxOutputBytes ?? DEFAULT_EXEC_OUTPUT_BYTES);
  const { Id: execId } = await createExec(api, container, toExecCreateBody(options));
  const started = performance.now();
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeoutMs);
  let end;
  try {
    // An abort before the response's headers leaves the request unanswered: race it.
    const body = await Promise.race([startExec(api, execId, stop.signal), abortedOf(stop.signal)]);
    const splitter = new FrameSplitter();
    end = body === null ? ('aborted' as const) : await readStream(body, (chunk) => splitter.push(chunk).forEach((f) => output.add(f)), stop.signal);
    if (end === 'ended') splitter.end().forEach((f) => output.add(f));
  } finally {
    clearTimeout(timer);
  }
  const durationMs = Math.round(performance.now() - started);
  const timedOut = end === 'aborted';
  const inspect = timedOut ? await inspectExec(api, execId).catch(() => null) : await finishedInspect(api, execId);
  return {
    execId,
    exitCode: timedOut ? null : (inspect?.ExitCode ?? null),
    stdout: output.stdout(),
    stderr: output.stderr(),
    timedOut,
    stillRunning: inspect ? inspect.Running : null,
    pid: inspect?.Pid ? inspect.Pid : null,
    durationMs,
  };
}
