// A stack as the resolvers pass it on: a namespace label value on one cluster. It is not an
// engine object (the Engine has no stack API), so the Stack type's fields read the services,
// networks, secrets and configs carrying the label, each through the caller's scope.
export interface StackModel {
  /** The cluster's configured name. */
  cluster: string;
  /** The namespace (`com.docker.stack.namespace`). */
  name: string;
}
