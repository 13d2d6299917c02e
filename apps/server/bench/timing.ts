// Shared by the benches: percentiles of a list of timings, and a Markdown table printed as is.

export interface Timing {
  p50: number;
  p95: number;
}

export function percentiles(timings: number[]): Timing {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** A Markdown table, so a run's output can be pasted into BENCHMARKS.md. */
export function printTable(header: string[], rows: string[][]): void {
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}
