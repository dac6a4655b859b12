// `docker config create|ls|inspect|rm` and label updates, through the cluster's managers.
// Unlike a secret, a config's inspect carries its Data (base64).
import type { Config } from '../engine-api/index.ts';
import { storedObjectApi } from './stored-objects.ts';

export const configsApi = storedObjectApi<Config>('config');
