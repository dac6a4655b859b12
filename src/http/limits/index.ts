// Request limits (issue 4, item 6): query depth, aliases, cost and page sizes refused before
// anything runs, and per-principal rate limiting. app.ts wires these in.
export { limitPlugins, limitValidationRules, operationLimitPlugin, type LimitPluginOptions } from './limit-plugin.ts';
export { principalRateLimit, rateLimit, rateLimitKey, sharedRatePool, type PrincipalRateLimit, type RateLimitRefusal } from './rate-limit.ts';
export { subscriptionLimitErrors } from './subscription-limits.ts';
export { COST_WEIGHTS } from './cost-rule.ts';
export { OpenSubscriptions, type ReleaseSlot } from './open-subscriptions.ts';
