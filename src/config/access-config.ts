// The access-control part of the configuration: how callers authenticate (API tokens are
// always on; OIDC when configured; anonymous read only when configured), the guardrails
// on service specs from non-admins, and the request limits.
import { z } from 'zod';
import { makeGrant, parseGrant, type Grant } from '../grants/grant.ts';
import { isRole } from '../grants/roles.ts';
import { parseConstraint } from '../validate/constraints.ts';

/** A grant in its text form (`deployer@prod:team=payments`), or as the object it parses to. */
export const grantText = z.union([z.string(), z.object({ role: z.string(), clusters: z.array(z.string()).nullable(), selector: z.array(z.tuple([z.string(), z.string()])).nullable() })]).transform((value, ctx): Grant => {
  try {
    if (typeof value === 'string') return parseGrant(value);
    if (!isRole(value.role)) throw new Error(`"${value.role}" is not a role`);
    return makeGrant(value.role, value.clusters, value.selector);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});

/** Grants given to a verified OIDC token whose claim holds a value (`groups` contains `payments-devs`). */
export const claimMappingSchema = z
  .object({
    /** Claim name; a dotted path reaches into objects (`realm_access.roles`). */
    claim: z.string().min(1),
    /** The claim equals this value, or (an array claim) contains it. */
    value: z.string().min(1),
    grants: z.array(grantText).min(1),
  })
  .strict();

export const oidcSchema = z
  .object({
    issuer: z.string().min(1),
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** Where the signing keys are: an https URL (fetched and cached by jose) or a JWKS file. */
    jwksUrl: z.string().url().optional(),
    jwksFile: z.string().min(1).optional(),
    /** Accepted signature algorithms; never `none`, never HMAC (the keys are public). */
    algorithms: z
      .array(z.enum(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']))
      .min(1)
      .default(['RS256', 'ES256']),
    /** Allowed clock difference for exp/nbf/iat, in seconds. */
    clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
    /** The claim shown as the person's name in the audit log (the ID is always `oidc:<sub>`). */
    nameClaim: z.string().min(1).default('email'),
    claimMappings: z.array(claimMappingSchema).default([]),
  })
  .strict()
  .refine((o) => (o.jwksUrl === undefined) !== (o.jwksFile === undefined), { message: 'set exactly one of jwksUrl and jwksFile' });

export const authSchema = z
  .object({
    /** Grants of callers without credentials; only viewer grants are accepted. Unset: every request needs a token. */
    anonymousGrants: z.array(grantText).default([]).refine((gs) => gs.every((g) => g.role === 'viewer'), { message: 'anonymous access may only be given viewer grants' }),
    oidc: oidcSchema.optional(),
    /** Longest lifetime of an API token, in days; tokens without expiry are refused when set. */
    maxTokenDays: z.number().int().min(1).max(3650).optional(),
    /**
     * How long, in ms, a verified API token is trusted without the database (unset: 30000;
     * 0: every request asks it). It bounds how long a revocation made by another process
     * (`npm run token:revoke`, another gateway) takes to be honoured; one through this
     * gateway is honoured at once. At most 5 minutes: a revocation must not wait longer.
     */
    tokenCacheMs: z.number().int().min(0).max(300_000).optional(),
  })
  .strict();

/** A local-driver (or other allowed driver's) volume option that guarded callers may set: its key and a pattern its whole value must match. */
export const volumeOptionRuleSchema = z
  .object({
    /** The volume driver the option is for (`local` for the default driver). */
    driver: z.string().min(1).default('local'),
    /** The option key, exactly (`type`, `o`, `device`, `size`, ...). */
    key: z.string().min(1),
    /** A regular expression the whole value must match (anchored by the gateway), e.g. `nfs` or `addr=10\\.1\\.2\\.3,ro`. */
    pattern: z.string().min(1).refine((p) => { try { new RegExp(p); return true; } catch { return false; } }, { message: 'must be a valid regular expression' }),
  })
  .strict();

/** The allow-list policy on service specs of guarded callers (everyone but an unscoped admin); see src/auth/policy. */
export const guardrailsSchema = z
  .object({
    /** Host paths (prefixes) that guarded callers may bind-mount; the Docker socket never. */
    allowedBindPrefixes: z.array(z.string().regex(/^\//, { message: 'must be an absolute path' })).default([]),
    /** Capabilities guarded callers may add (e.g. NET_ADMIN). */
    allowedCapabilities: z.array(z.string().regex(/^(CAP_)?[A-Z_]+$/)).default([]),
    /** Volume drivers besides the default local driver that guarded callers may use. */
    allowedVolumeDrivers: z.array(z.string().min(1)).default([]),
    /** Volume driver options guarded callers may set; none by default. */
    allowedVolumeOptions: z.array(volumeOptionRuleSchema).default([]),
    /** Let guarded callers attach services to the host network. */
    allowHostNetwork: z.boolean().default(false),
    /** Let guarded callers place services on manager nodes (then no worker constraint is added). */
    allowManagerPlacement: z.boolean().default(false),
    /** The constraint added to every guarded spec so its tasks never land on managers. */
    workerConstraint: z
      .string()
      .default('node.role==worker')
      .refine((c) => !('error' in parseConstraint(c)), { message: 'must be a swarmkit placement constraint (key==value or key!=value)' }),
  })
  .strict();

export const limitsSchema = z
  .object({
    /** Deepest selection set accepted. */
    maxDepth: z.number().int().min(2).max(100).default(12),
    /** Most aliases in one operation. */
    maxAliases: z.number().int().min(1).max(1000).default(30),
    /** Highest estimated cost (objects a query may return) in one operation. */
    maxCost: z.number().int().min(1).default(20_000),
    /** Requests per principal per window; 0 turns rate limiting off. */
    rateLimitRequests: z.number().int().min(0).default(600),
    rateLimitWindowSeconds: z.number().int().min(1).max(3600).default(60),
    /**
     * Refused credentials per client address per window. Past it, refused credentials get
     * 429 and no audit record, so a flood of bad tokens cannot fill the audit log (good
     * credentials from the address still pass). 0 turns it off.
     */
    authFailuresPerAddress: z.number().int().min(0).default(30),
    /**
     * Subscriptions one principal may have open at once, over graphql-ws and server-sent
     * events together; one more is refused with RATE_LIMITED. 0 turns the cap off.
     */
    maxSubscriptionsPerPrincipal: z.number().int().min(0).default(100),
  })
  .strict();

export type AuthSettings = z.infer<typeof authSchema>;
export type OidcSettings = z.infer<typeof oidcSchema>;
export type GuardrailSettings = z.infer<typeof guardrailsSchema>;
export type LimitSettings = z.infer<typeof limitsSchema>;
