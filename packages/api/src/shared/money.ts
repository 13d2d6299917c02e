import { z } from "zod";

/** Minor units (cents) as API.md writes money: a decimal string with two places, "49.90". */
export function formatMoney(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const MONEY_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;
export const MAX_MINOR_UNITS = 99_999_999_999;

/**
 * "49.9", "49.90" or 49.9 → 4990. Exact: the decimal text is parsed, never float arithmetic.
 * Text with spaces around it is not an amount (API.md: a number or such a string).
 */
export function parseMoney(value: number | string): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (!MONEY_PATTERN.test(text)) return null;
  const [units, cents = ""] = text.split(".");
  return Number(units) * 100 + Number(cents.padEnd(2, "0"));
}

/**
 * An input amount: a number or a decimal string with at most two decimal places, ≥ 0 — or > 0
 * with `positive` (prices: API.md says they are above zero; a filter may still say 0).
 */
export const moneyInput = ({ positive = false } = {}) =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const minor = parseMoney(value);
    if (minor === null || (positive && minor === 0)) {
      const least = positive ? "more than 0" : "at least 0";
      ctx.addIssue({ code: "custom", message: `Enter an amount like "19.99": ${least}, at most two decimal places.` });
      return z.NEVER;
    }
    return minor;
  });

export const moneyOutput = () => z.string().regex(/^-?\d+\.\d{2}$/);
