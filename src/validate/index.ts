// Pure input validation, run before the engine sees anything. Validators take the field
// path of what they check (inside the value the caller checks) and return `UserErrorInit[]` (empty: valid); parsers return
// `{ <value> }` or `{ errors }`.
export { at, type FieldPath } from './field.ts';
export { validateNetworkName, validateServiceName, validateContainerRef } from './names.ts';
export { validateReference, checkedReference, referenceProblem, normalizeReference, type ReferenceKind } from './references.ts';
export { validateLabels, validateLabelKeys, validateDriverOptions, type KeyValueLike } from './labels.ts';
export {
  parseCidr,
  parseIpAddress,
  networkAddress,
  canonicalCidr,
  cidrContainsAddress,
  cidrContainsCidr,
  cidrsOverlap,
  validateIpAddress,
  validateCidr,
  validateIpamConfig,
  validateIpam,
  type Cidr,
  type IpAddress,
  type IpamConfigLike,
} from './cidr.ts';
export {
  parsePublishSpec,
  parsePortRemoveSpec,
  validatePortConfig,
  portConfigFromInput,
  validateServicePorts,
  type PortConfigLike,
  type PortConfigOptions,
  type PortProtocol,
  type PublishMode,
  type PortRemoveSpec,
} from './ports.ts';
export { parseGoDuration } from './duration.ts';
export { parseMemoryBytes } from './memory.ts';
export { parseNanoCpus } from './cpus.ts';
export { parseResources, type ParsedResources, type ResourcesOptions } from './resources.ts';
export { validateEnv, validateEnvKeys, envKey } from './env.ts';
export { validateConstraints } from './constraints.ts';
export { parseUpdatePolicy, hasUpdatePolicy, type ParsedUpdatePolicy, type UpdatePolicyOptions } from './update-policy.ts';
export { validateImageRef, validateImageTag, imageRepository } from './image.ts';
export { validateNodeAddress, validateDataPathAddress } from './addresses.ts';
export { validateOverlaySubnets, validateSubnetsFree, OVERLAY_MAX_PREFIX, type ExistingNetwork } from './overlay-subnets.ts';
export { validateStorableText, unstorableTextProblem } from './text.ts';
export { hasHealthCheck, parseHealthCheck, noHealthcheckConflict, type HealthCheckOptions, type ParsedHealthCheck } from './healthcheck.ts';
