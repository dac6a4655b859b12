// Swarm tasks: `GET /tasks` (`swarm.Task`).
import type { Labels, Meta } from './common.ts';
import type { TaskSpec } from './service.ts';

export interface Task extends Meta {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Labels?: Labels;
  Spec?: TaskSpec;
  Status: {
    Timestamp?: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
  };
  DesiredState: string;
  /** Jobs only (API 1.41): the service's JobIteration this task was created for; absent for
   *  other modes. Index is left out when 0 (omitempty): `{}` is iteration 0. */
  JobIteration?: { Index?: number };
  NetworksAttachments?: { Network: { ID: string; Spec?: { Name?: string } }; Addresses?: string[] | null }[] | null;
}
