// Money in the AI ledger and price table is integer micro-dollars (1 USD = 1,000,000).
import type { ModelPrice } from "./bindings";
import { formatCount } from "./format";

export const MICRO_PER_USD = 1_000_000;

const usd = (digits: number, maxDigits = digits) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: digits,
    maximumFractionDigits: maxDigits,
  });
const small = usd(4);
const large = usd(2);
const price = usd(2, 4);

/** A cost: "$0.0042" below a dollar, "$1.25" from a dollar on, "$0.00" for nothing. */
export function formatCost(micro: number): string {
  if (micro === 0) return large.format(0);
  const dollars = micro / MICRO_PER_USD;
  // From a dollar on (including what four decimals would round up to one).
  if (Math.abs(dollars) >= 0.99995) return large.format(dollars);
  // Under a hundredth of a cent the four decimals would read "$0.0000".
  if (Math.abs(dollars) < 0.0001) return `<${small.format(0.0001)}`;
  return small.format(dollars);
}

/** A price per million tokens: "$0.15", "$0.075", "$2.50". */
export function formatPrice(microPerMTok: number): string {
  return price.format(microPerMTok / MICRO_PER_USD);
}

/** "$0.15 / $0.60 per 1M tokens" (input / output). */
export function formatPricePair(p: ModelPrice): string {
  return `${formatPrice(p.input_micro_usd_per_mtok)} / ${formatPrice(p.output_micro_usd_per_mtok)} per 1M tokens`;
}

/**
 * Dollars as typed ("0.15", "$2.5", "1,000") to micro-dollars; `null` when it is not a
 * non-negative amount.
 */
export function parseDollars(raw: string): number | null {
  const text = raw.trim().replace(/^\$/, "").replace(/,/g, "").trim();
  if (!/^\d*\.?\d+$|^\d+\.$/.test(text)) return null;
  const x = Number(text);
  return Number.isFinite(x) && x >= 0 ? Math.round(x * MICRO_PER_USD) : null;
}

/** Micro-dollars as a plain dollar amount for an input: 150000 → "0.15". */
export function dollarsText(micro: number): string {
  return String(micro / MICRO_PER_USD);
}

/** A token count, "≈1,234" when the provider sent none and it was estimated. */
export function formatTokens(n: number, estimated: boolean): string {
  return `${estimated ? "≈" : ""}${formatCount(n)}`;
}
