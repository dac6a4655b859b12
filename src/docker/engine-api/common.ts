// Shapes shared by several Engine API resources. Every type under engine-api/ is the
// Engine's own JSON (API 1.41, Docker 20.10), named as moby's api/types names it; a field
// is optional exactly when moby's JSON tag says `omitempty` (the Engine leaves it out when
// empty, and so may a request), and a map or list without `omitempty` may be null (Go's nil).
// Objects read back may carry fields not declared here: code that sends a spec read back
// clones it whole, so nothing undeclared is lost.

export type StringMap = Record<string, string>;

/** Labels as the Engine sends them: absent, null (Go's nil map) or a map. */
export type Labels = StringMap | null | undefined;

/** `swarm.Version`: the object version an update must name (`?version=N`). */
export interface Version {
  Index: number;
}

/** `swarm.Meta`, embedded in every swarm object. */
export interface Meta {
  Version: Version;
  CreatedAt: string;
  UpdatedAt: string;
}

/** `swarm.Driver` (log drivers, volume drivers). */
export interface Driver {
  Name: string;
  Options?: StringMap;
}
