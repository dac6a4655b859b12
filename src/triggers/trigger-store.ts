// Redeploy triggers in the gateway's database (table redeploy_triggers). Like the API token
// store, it never keeps a secret: `create` makes one, stores its SHA-256 and hands the text
// back once. The database is read through its holder on every call, so a reopened one is used.
import type { Database } from '../db/client.ts';
import { Prisma, type RedeployTrigger } from '../generated/prisma/client.ts';
import { formatGrant, type Grant } from '../grants/grant.ts';
import { hashTriggerSecret, isTriggerId, newTriggerId, newTriggerSecret, secretMatches } from './trigger-secret.ts';

export type TriggerRow = RedeployTrigger;

/** What a trigger does; the same names as the GraphQL enum TriggerAction. */
export const TRIGGER_ACTIONS = ['REDEPLOY', 'IMAGE_TAG'] as const;
export type TriggerAction = (typeof TRIGGER_ACTIONS)[number];

export interface NewTrigger {
  cluster: string;
  serviceId: string;
  serviceName: string;
  action: TriggerAction;
  /** The creator's principal ID and kind: the trigger's changes are made as this principal. */
  createdBy: string;
  creatorKind: 'token' | 'oidc';
  /** The creator's grants that cover the cluster, as they are now. */
  grants: readonly Grant[];
}

export class TriggerStore {
  constructor(
    private readonly database: Pick<Database, 'prisma'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a trigger; `secret` is the only copy of it there will ever be. */
  async create(spec: NewTrigger): Promise<{ secret: string; row: TriggerRow }> {
    // An ID collision (1 in 2^64 after 2^64 triggers) only costs a retry.
    for (let attempt = 1; ; attempt++) {
      const secret = newTriggerSecret();
      try {
        const row = await this.database.prisma.redeployTrigger.create({
          data: {
            id: newTriggerId(),
            cluster: spec.cluster,
            serviceId: spec.serviceId,
            serviceName: spec.serviceName,
            action: spec.action,
            secretHash: hashTriggerSecret(secret),
            createdBy: spec.createdBy,
            creatorKind: spec.creatorKind,
            grants: spec.grants.map(formatGrant),
            createdAt: this.now(),
          },
        });
        return { secret, row };
      } catch (err) {
        const duplicate = err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
        if (!duplicate || attempt >= 3) throw err;
      }
    }
  }

  /** A trigger by ID; null for an ID that is not one (no lookup is made for it). */
  find(id: string): Promise<TriggerRow | null> {
    if (!isTriggerId(id)) return Promise.resolve(null);
    return this.database.prisma.redeployTrigger.findUnique({ where: { id } });
  }

  /**
   * The trigger `id` if `secret` is its secret, else null: the same answer, after the same
   * work, for an unknown ID and a wrong secret (trigger-secret.ts secretMatches).
   */
  async authenticate(id: string, secret: string): Promise<TriggerRow | null> {
    const row = await this.find(id);
    return secretMatches(row?.secretHash ?? null, secret) ? row : null;
  }

  /** A cluster's triggers (of one service when given), oldest first. */
  list(cluster: string, serviceId?: string): Promise<TriggerRow[]> {
    return this.database.prisma.redeployTrigger.findMany({
      where: { cluster, ...(serviceId ? { serviceId } : {}) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Removes a trigger; false when it was gone already. */
  async remove(id: string): Promise<boolean> {
    const { count } = await this.database.prisma.redeployTrigger.deleteMany({ where: { id } });
    return count === 1;
  }

  /** Records that the trigger rolled something out now. */
  async markFired(id: string): Promise<Date> {
    const at = this.now();
    await this.database.prisma.redeployTrigger.updateMany({ where: { id }, data: { lastFiredAt: at } });
    return at;
  }
}
