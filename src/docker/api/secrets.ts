// `docker secret create|ls|inspect|rm` and label updates, through the cluster's managers.
// The engine never answers a secret's Data.
import type { Secret } from '../engine-api/index.ts';
import { storedObjectApi } from './stored-objects.ts';

export const secretsApi = storedObjectApi<Secret>('secret');
