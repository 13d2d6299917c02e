import { parseArgs } from "node:util";

/** The one numeric option of a small command (`--name N`); a bad value exits 1 with one line. */
export function wholeNumberOption(name: string, fallback: number, max: number): number {
  const { values } = parseArgs({ options: { [name]: { type: "string", default: String(fallback) } } });
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}`);
    process.exit(1);
  }
  return value;
}
