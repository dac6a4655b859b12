// `docker exec` and `docker logs` of standalone containers: exec create (404 for a missing
// container, 409 for one not running, as dockerd answers), start (attached: the multiplexed
// output of `state.execRun`, kept open when the run hangs), inspect; and the container's
// logs (tail, since, stdout/stderr, timestamps; raw text for a TTY container).
import { Readable } from 'node:stream';
import { badRequest, conflict, notFound } from '../errors.ts';
import { Reply, type Router } from '../router.ts';
import { hexId, type Json } from '../state.ts';
import { frame, truthy } from '../stream-frames.ts';

export function execRoutes(router: Router): void {
  router.post('/containers/:id/exec', ({ state, params, body }) => {
    const container = state.findContainer(params.id!);
    if (!container) throw notFound(`No such container: ${params.id}`);
    if (!container.State.Running) throw conflict(`container ${container.Id} is not running`);
    const config = (body ?? {}) as Json;
    if (!Array.isArray(config.Cmd) || config.Cmd.length === 0) throw badRequest('No exec command specified');
    const exec: Json = { ID: hexId(), ContainerID: container.Id, Running: false, ExitCode: null, Pid: 0, Config: config, started: false };
    state.execs.set(exec.ID, exec);
    return new Reply(201, { Id: exec.ID });
  });

  router.post('/exec/:id/start', ({ state, params }) => {
    const exec = state.execs.get(params.id!);
    if (!exec) throw notFound(`No such exec instance: ${params.id}`);
    if (exec.started) throw conflict(`Exec ${exec.ID} has already run`);
    exec.started = true;
    const run = state.execRun(exec.Config.Cmd as string[], state.containers.get(exec.ContainerID)!);
    const frames = (run.output ?? []).map((o) => frame(o.stream === 'stderr' ? 2 : 1, o.data));
    if (run.hang) {
      Object.assign(exec, { Running: true, Pid: 4242 });
      const body = new Readable({ read() {} });
      for (const f of frames) body.push(f);
      return new Reply(200, body, 'application/vnd.docker.multiplexed-stream');
    }
    Object.assign(exec, { Running: false, ExitCode: run.exitCode ?? 0 });
    return new Reply(200, Buffer.concat(frames), 'application/vnd.docker.multiplexed-stream');
  });

  router.get('/exec/:id/json', ({ state, params }) => {
    const exec = state.execs.get(params.id!);
    if (!exec) throw notFound(`No such exec instance: ${params.id}`);
    return { ID: exec.ID, ContainerID: exec.ContainerID, Running: exec.Running, ExitCode: exec.ExitCode, Pid: exec.Pid, ProcessConfig: { entrypoint: exec.Config.Cmd[0], arguments: exec.Config.Cmd.slice(1) } };
  });

  router.get('/containers/:id/logs', ({ state, params, query }) => {
    const container = state.findContainer(params.id!);
    if (!container) throw notFound(`No such container: ${params.id}`);
    if (!truthy(query.stdout) && !truthy(query.stderr)) throw badRequest('Bad parameters: you must choose at least one stream');
    const since = query.since ? Number(query.since) * 1000 : -Infinity;
    const entries = (state.containerLogs.get(container.Id) ?? []).filter((l) => Date.parse(l.timestamp) > since && truthy(query[l.stream]));
    const tail = query.tail === undefined || query.tail === 'all' ? Infinity : Number(query.tail);
    const chosen = tail === Infinity ? entries : entries.slice(Math.max(0, entries.length - tail));
    const text = (l: { timestamp: string; message: string }) => `${truthy(query.timestamps) ? `${l.timestamp} ` : ''}${l.message}\n`;
    if (container.Config.Tty) return new Reply(200, chosen.map(text).join(''), 'application/vnd.docker.raw-stream');
    return new Reply(200, Buffer.concat(chosen.map((l) => frame(l.stream === 'stderr' ? 2 : 1, text(l)))), 'application/vnd.docker.multiplexed-stream');
  });
}
