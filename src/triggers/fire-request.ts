// The body of `POST /triggers/<id>`: optional JSON `{"tag": "1.2.3", "wait": 60}`. Checked
// here, before anything runs, so a bad body is a 400 naming the field, never a change. What
// the values mean is serviceUpdate's (wait's range included): the trigger only passes them on.
import { imageRepository, validateImageTag } from '../validate/index.ts';
import type { TriggerAction } from './trigger-store.ts';

/** Bodies are small: a tag and a number. */
export const FIRE_BODY_MAX_BYTES = 4096;

export interface FireRequest {
  tag: string | null;
  wait: number | null;
}

export type FireRequestResult = { request: FireRequest } | { error: string; field: string | null };

const KNOWN_FIELDS = new Set(['tag', 'wait']);

/** The body as received (empty or absent: no fields), checked for `action`. */
export function parseFireRequest(body: Buffer | string | undefined, action: TriggerAction): FireRequestResult {
  const text = body === undefined ? '' : typeof body === 'string' ? body : body.toString('utf8');
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      return { error: 'the body is not JSON: send nothing, or an object such as {"tag": "1.2.3", "wait": 60}', field: null };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'the body must be a JSON object such as {"tag": "1.2.3"}', field: null };
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !KNOWN_FIELDS.has(k));
  if (unknown !== undefined) return { error: `unknown field "${unknown.slice(0, 40)}": the body may hold "tag" and "wait"`, field: unknown.slice(0, 40) };

  let tag: string | null = null;
  if (fields.tag !== undefined && fields.tag !== null) {
    if (typeof fields.tag !== 'string') return { error: '"tag" must be a string such as "1.2.3"', field: 'tag' };
    const problem = validateImageTag(fields.tag, ['tag'])[0];
    if (problem) return { error: problem.message, field: 'tag' };
    tag = fields.tag;
  }
  if (action === 'IMAGE_TAG' && tag === null) return { error: 'this trigger sets the image tag: the body must say which, e.g. {"tag": "1.2.3"}', field: 'tag' };
  if (action === 'REDEPLOY' && tag !== null) return { error: 'this trigger redeploys the service as it is and takes no "tag"; make an IMAGE_TAG trigger to set one', field: 'tag' };

  let wait: number | null = null;
  if (fields.wait !== undefined && fields.wait !== null) {
    if (typeof fields.wait !== 'number' || !Number.isInteger(fields.wait)) return { error: '"wait" must be a whole number of seconds', field: 'wait' };
    wait = fields.wait;
  }
  return { request: { tag, wait } };
}

/** The image an IMAGE_TAG trigger sets: the service's own repository (its digest dropped) with the new tag. */
export function imageWithTag(currentImage: string, tag: string): string {
  return `${imageRepository(currentImage)}:${tag}`;
}
