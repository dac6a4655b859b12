// `deploy.resources.*.cpus` ("0.5") to NanoCPUs as docker/cli opts.ParseCPUs does: the text is
// read as an exact rational number (Go's big.Rat), multiplied by 1e9, and must come out whole
// ("value is too precise" otherwise). src/validate/cpus.ts reads a GraphQL Float instead; a
// compose file's string is read exactly, so "0.1" is 100000000 and never a rounded float.

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\/(\d+)$/;
const NANO = 10n ** 9n;

/** NanoCPUs, or the reason the CLI refuses the text. */
export function parseComposeCpus(text: string): { nanoCpus: number } | { error: string } {
  const exact = asFraction(text.trim() === text ? text : '');
  if (!exact) return { error: `failed to parse ${text} as a rational number` };
  const [num, den] = exact;
  if (den === 0n) return { error: `failed to parse ${text} as a rational number` };
  if ((num * NANO) % den !== 0n) return { error: 'value is too precise' };
  const nano = (num * NANO) / den;
  if (nano > BigInt(Number.MAX_SAFE_INTEGER) || nano < -BigInt(Number.MAX_SAFE_INTEGER)) return { error: `${text} CPUs is too large` };
  return { nanoCpus: Number(nano) };
}

/** The text as numerator/denominator (not reduced), or null when big.Rat would not read it. */
function asFraction(text: string): [bigint, bigint] | null {
  const f = FRACTION.exec(text);
  if (f) return [BigInt(f[1]!), BigInt(f[2]!)];
  const d = DECIMAL.exec(text);
  if (!d) return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = d;
  if (whole === '' && fraction === '') return null;
  // An exponent beyond this cannot give a whole number of nano-CPUs below 2^53 anyway.
  const exp = Number(exponent);
  if (Math.abs(exp) > 400) return null;
  const digits = BigInt(`${sign === '-' ? '-' : ''}${whole}${fraction}` || '0');
  const scale = exp - fraction.length;
  return scale >= 0 ? [digits * 10n ** BigInt(scale), 1n] : [digits, 10n ** BigInt(-scale)];
}
