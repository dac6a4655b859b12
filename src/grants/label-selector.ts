// A grant's label selector: one or more `key=value` equalities, all of which an object's
// labels must carry. Equality only, like the selectors teams already put on services
// (`team=payments`); no sets or negations, so "in scope" is never ambiguous.
export type LabelSelector = ReadonlyArray<readonly [key: string, value: string]>;

const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,252}$/;
const LABEL_VALUE = /^[A-Za-z0-9._\/:@-]{1,253}$/;

/** Parses `team=payments,env=prod`; throws with the reason on a bad selector. */
export function parseSelector(text: string): LabelSelector {
  const pairs = text.split(',').map((part) => part.trim());
  const selector: [string, string][] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`"${pair}" is not key=value`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (!LABEL_KEY.test(key)) throw new Error(`"${key}" is not a valid label key`);
    if (!LABEL_VALUE.test(value)) throw new Error(`"${value}" is not a valid label value (letters, digits and . _ / : @ -)`);
    if (selector.some(([k]) => k === key)) throw new Error(`label "${key}" is given twice`);
    selector.push([key, value]);
  }
  return normalizeSelector(selector);
}

/** Sorted by key, so equal selectors print and compare equal. */
export function normalizeSelector(selector: LabelSelector): LabelSelector {
  return [...selector].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function formatSelector(selector: LabelSelector): string {
  return selector.map(([k, v]) => `${k}=${v}`).join(',');
}

/** True when `labels` carry every equality of the selector. */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string> | null | undefined): boolean {
  return selector.every(([k, v]) => labels?.[k] === v);
}

/** True when everything `narrower` admits, `wider` admits too (its equalities are a subset). */
export function selectorWithin(narrower: LabelSelector, wider: LabelSelector): boolean {
  return wider.every(([k, v]) => narrower.some(([nk, nv]) => nk === k && nv === v));
}
