// One set of Engine API types, for requests and responses alike (see common.ts for the rules).
// No well-kept package derives them from moby's swagger for Engine API 1.41 with its nulls
// (README, dependency notes), so they are written by hand, from moby's api/types.
export type * from './common.ts';
export type * from './container.ts';
export type * from './events.ts';
export type * from './exec.ts';
export type * from './network.ts';
export type * from './node.ts';
export type * from './service.ts';
export type * from './swarm.ts';
export type * from './system.ts';
export type * from './secret.ts';
export type * from './task.ts';
