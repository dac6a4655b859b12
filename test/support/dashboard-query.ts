// The dashboard question a bot asks (every service, its tasks, each task's node, plus
// networks), as the e2e tests of Engine-call counts send it, and an idle task command.

export const DASHBOARD = `{
  services(first: 100) { totalCount nodes { name replicas runningTasks tasks { id state node { hostname role } } } }
  networks { nodes { name driver } }
}`;

/** A task that idles until stopped (and stops at once on SIGTERM). */
export const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
