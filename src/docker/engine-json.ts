// Shim: the Engine API types now live in src/docker/engine-api/ (one set for requests and
// responses). These old names remain until every importer has moved.
export type {
  Version as EngineVersion,
  Labels as EngineLabels,
  Swarm as EngineSwarm,
  SwarmSpec as EngineSwarmSpec,
  Node as EngineNode,
  IPAMConfig as EngineIpamConfig,
  Network as EngineNetwork,
  PortConfig as EnginePortConfig,
  UpdateConfig as EngineUpdateConfig,
  ServiceSpec as EngineServiceSpec,
  Service as EngineService,
  Task as EngineTask,
  ContainerSummary as EngineContainerSummary,
  EndpointSettings as EngineEndpointSettings,
  ContainerInspect as EngineContainer,
  Info as EngineInfo,
} from './engine-api/index.ts';
