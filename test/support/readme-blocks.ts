// Test support: README.md's GraphQL examples as the docs e2e tests run them. Each ```graphql
// fence is read with the HTML-comment markers right above it (`<!-- walkthrough -->`,
// `<!-- not run on the demo: reason -->`, `<!-- expect: CODE -->`, `<!-- as: token name -->`),
// the ```json block right after it (its variables) and the last ```yaml block before it (a
// compose file an example sends). The README names the demo's objects (`demo`,
// `demo-worker-1`...); a harness swarm has its own name, put in their place.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export type Json = Record<string, any>;

export interface ReadmeBlock {
  /** 1-based position among README's ```graphql blocks. */
  index: number;
  /** Line of the opening fence. */
  line: number;
  /** The operations of the block, in order (one per top-level `query`/`mutation`/`subscription`). */
  operations: string[];
  /** The ```json block right after it, parsed. */
  variables?: Json;
  /** The last ```yaml block above it. */
  yaml?: string;
  /** Marker comments right above the fence: `walkthrough`, `not run on the demo: ...`, `expect: CODE`... */
  markers: string[];
}

const README = new URL('../../README.md', import.meta.url);

/** The markers a block may carry; any other (a typo) would silently change how a block is run. */
export const KNOWN_MARKERS = /^(walkthrough|expect: [A-Z_]+|as: [\w.-]+|not run on the demo: .+)$/;
/** The marker of a block the docs e2e tests do not send, with its reason. */
export const NOT_RUN = 'not run on the demo';

/** README.md's lines. */
export const readmeLines = (): string[] => readFileSync(README, 'utf8').split('\n');

/** Every ```graphql block of README.md, in order, with `demo` names replaced by `swarm`'s (none when omitted). */
export function readmeBlocks(swarm?: string): ReadmeBlock[] {
  const rename = (text: string) => (swarm ? text.replace(/"demo(-[a-z0-9-]+)?"/g, (_all, rest: string | undefined) => `"${swarm}${rest ?? ''}"`) : text);
  const lines = readmeLines();
  const blocks: ReadmeBlock[] = [];
  let yaml: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)$/.exec(lines[i]!);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    assert.ok(end > i, `README line ${i + 1}: unclosed fence`);
    const body = lines.slice(i + 1, end).join('\n') + '\n';
    if (fence[1] === 'yaml') yaml = body;
    if (fence[1] === 'graphql') {
      const markers: string[] = [];
      for (let j = i - 1; j >= 0 && /^<!--.*-->$/.test(lines[j]!); j--) markers.unshift(/^<!--\s*(.*?)\s*-->$/.exec(lines[j]!)![1]!);
      let variables: Json | undefined;
      if (lines[end + 1] === '```json') {
        const close = lines.indexOf('```', end + 2);
        variables = JSON.parse(rename(lines.slice(end + 2, close).join('\n'))) as Json;
      }
      blocks.push({ index: blocks.length + 1, line: i + 1, operations: operationsOf(rename(body)), ...(variables ? { variables } : {}), ...(yaml ? { yaml } : {}), markers });
    }
    i = end;
  }
  return blocks;
}

/** A block's operations: one per line that starts `query`, `mutation` or `subscription` (comment-only pieces dropped). */
export function operationsOf(block: string): string[] {
  return block.split(/\n(?=(?:query|mutation|subscription)\b)/).filter((s) => s.replace(/#.*$/gm, '').trim());
}

/** The value of a marker `name: value` above a block, if any. */
export function marker(block: ReadmeBlock, name: string): string | undefined {
  const prefix = `${name}:`;
  return block.markers.find((m) => m.startsWith(prefix))?.slice(prefix.length).trim();
}

/** The walkthrough's blocks (marked `<!-- walkthrough -->`), checking no marker is left without its block. */
export function walkthroughBlocks(swarm: string): ReadmeBlock[] {
  const readme = readFileSync(README, 'utf8');
  const blocks = readmeBlocks(swarm).filter((b) => b.markers.includes('walkthrough'));
  // A marker whose block is not a ```graphql fence right below it would be skipped silently.
  assert.equal(blocks.length, readme.split('<!-- walkthrough -->').length - 1, 'every <!-- walkthrough --> marker is followed by a ```graphql block');
  return blocks;
}

/** The root field an operation calls (the README's operations call one each). */
export function rootField(operation: string): string {
  const match = /^(?:\s*#.*\n)*\s*(?:query|mutation|subscription)\b[^{]*\{\s*(\w+)/.exec(operation);
  assert.ok(match, `no root field in ${operation}`);
  return match[1]!;
}

/** The variables an operation declares (`$name`), so a block's shared ```json gives each only its own. */
export function declaredVariables(operation: string): string[] {
  const head = /^(?:\s*#.*\n)*\s*(?:query|mutation|subscription)\b[^({]*\(([^)]*)\)/.exec(operation);
  return head ? [...head[1]!.matchAll(/\$(\w+)/g)].map((m) => m[1]!) : [];
}

/** Every `userErrors` list anywhere in a response's data. */
export function userErrorsIn(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'userErrors' && Array.isArray(v) ? (v as Json[]) : userErrorsIn(v)));
}
