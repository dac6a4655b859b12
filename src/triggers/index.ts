// Redeploy triggers: what the GraphQL and HTTP layers use of them.
export { TriggerStore, TRIGGER_ACTIONS, type TriggerAction, type TriggerRow, type NewTrigger } from './trigger-store.ts';
export { creatorStanding, type CreatorStanding } from './creator-standing.ts';
export { parseFireRequest, imageWithTag, FIRE_BODY_MAX_BYTES, type FireRequest, type FireRequestResult } from './fire-request.ts';
export { hashTriggerSecret, secretMatches, isTriggerId } from './trigger-secret.ts';
