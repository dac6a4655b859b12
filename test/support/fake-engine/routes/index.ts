// Every route module the fake engine registers by default; one module per resource.
import type { RouteModule } from '../router.ts';
import { containerRoutes } from './containers.ts';
import { eventRoutes } from './events.ts';
import { execRoutes } from './exec.ts';
import { networkRoutes } from './networks.ts';
import { nodeRoutes } from './nodes.ts';
import { serviceRoutes } from './services.ts';
import { storedObjectRoutes } from './stored-objects.ts';
import { swarmRoutes } from './swarm.ts';
import { systemRoutes } from './system.ts';
import { taskRoutes } from './tasks.ts';

export const DEFAULT_ROUTES: RouteModule[] = [systemRoutes, swarmRoutes, nodeRoutes, serviceRoutes, taskRoutes, networkRoutes, containerRoutes, execRoutes, eventRoutes, storedObjectRoutes];
