// Engine-style refusals: `{"message": "..."}` with the status dockerd answers.
export class EngineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new EngineError(404, message);
export const conflict = (message: string) => new EngineError(409, message);
export const badRequest = (message: string) => new EngineError(400, message);
/** swarmkit's answer to a stale `?version=` (dockerd passes the gRPC error on as a 500). */
export const outOfSequence = () => new EngineError(500, 'rpc error: code = Unknown desc = update out of sequence');
/** What a manager-only route answers on an engine outside a swarm. */
export const notInSwarm = () =>
  new EngineError(503, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
