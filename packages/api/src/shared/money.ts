import { z } from "zod";

/** Minor units (cents) as API.md writes money: a decimal string with two places, "49.90". */
export function formatMoney(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const MONEY_PATTERN = /^\d{1,9}(\.\d{1,2})?$/;
export const MAX_MINOR_UNITS = 99_999_999_999;

/** "49.9", "49.90" or 49.9 → 4990. Exact: the decimal text is parsed, never float arithmetic. */
export function parseMoney(value: number | string): number | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
  if (!MONEY_PATTERN.test(text)) return null;
  const [units, cents = ""] = text.split(".");
  return Number(units) * 100 + Number(cents.padEnd(2, "0"));
}

/** An input amount: a number or a decimal string, ≥ 0, at most two decimal places. */
export const moneyInput = () =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const minor = parseMoney(value);
    if (minor === null) {
      ctx.addIssue({ code: "custom", message: 'Enter an amount like "19.99": at least 0, at most two decimal places.' });
      return z.NEVER;
    }
    return minor;
  });

export const moneyOutput = () => z.string().regex(/^-?\d+\.\d{2}$/);
