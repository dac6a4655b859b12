// What the benchmark prints: figures on stdout (the report), progress on stderr, and the
// issue's targets collected as they are measured and printed at the end, each met or not.

export const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);

export function section(title: string): void {
  console.log(`\n## ${title}`);
}

export const line = (text: string) => console.log(text);

/** A plain-text table with aligned columns. */
export function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
}

interface Target {
  name: string;
  met: boolean | undefined;
  figure: string;
}

const targets: Target[] = [];

/** Records a target's verdict; `met` undefined means it could not be measured in this run. */
export function target(name: string, met: boolean | undefined, figure: string): void {
  targets.push({ name, met, figure });
}

export function printTargets(): void {
  section('Targets (issue 12)');
  for (const t of targets) {
    const verdict = t.met === undefined ? 'not measured' : t.met ? 'met' : 'NOT met';
    console.log(`- ${verdict.padEnd(12)} ${t.name}: ${t.figure}`);
  }
}
