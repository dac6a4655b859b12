// Exec instances (`docker exec`): moby's api/types/container ExecOptions, the create
// response (IDResponse) and ExecInspect, as far as the gateway uses them.

/** `POST /containers/{id}/exec`. The gateway never attaches stdin, never asks for a TTY, never runs privileged. */
export interface ExecCreateBody {
  Cmd: string[];
  Env?: string[];
  WorkingDir?: string;
  User?: string;
  AttachStdin: false;
  AttachStdout: true;
  AttachStderr: true;
  Tty: false;
  Privileged: false;
}

export interface ExecCreateResponse {
  Id: string;
}

/** `POST /exec/{id}/start`: attached (Detach false), without a TTY, so the output comes back multiplexed. */
export interface ExecStartBody {
  Detach: false;
  Tty: false;
}

/** `GET /exec/{id}/json`. ExitCode is null while it runs. */
export interface ExecInspect {
  ID: string;
  Running: boolean;
  ExitCode: number | null;
  Pid?: number;
  ContainerID?: string;
}
