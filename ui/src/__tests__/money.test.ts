import { formatCost, formatPrice, formatPricePair, formatTokens, parseDollars } from "../money";

describe("money", () => {
  it("formats micro-dollar costs", () => {
    expect(formatCost(4200)).toBe("$0.0042");
    expect(formatCost(1_250_000)).toBe("$1.25");
    expect(formatCost(999_999)).toBe("$1.00");
    expect(formatCost(999_900)).toBe("$0.9999");
    expect(formatCost(1_000_000)).toBe("$1.00");
    expect(formatCost(12_345_678_900)).toBe("$12,345.68");
    expect(formatCost(0)).toBe("$0.00");
    expect(formatCost(12)).toBe("<$0.0001");
  });

  it("formats prices per million tokens", () => {
    expect(formatPrice(150_000)).toBe("$0.15");
    expect(formatPrice(75_000)).toBe("$0.075");
    expect(formatPricePair({ model: "m", input_micro_usd_per_mtok: 150_000, output_micro_usd_per_mtok: 600_000 })).toBe(
      "$0.15 / $0.60 per 1M tokens",
    );
  });

  it("reads typed dollars as micro-dollars", () => {
    expect(parseDollars("0.15")).toBe(150_000);
    expect(parseDollars("$2.5")).toBe(2_500_000);
    expect(parseDollars(" 1,000 ")).toBe(1_000_000_000);
    expect(parseDollars(".3")).toBe(300_000);
    expect(parseDollars("0.0000004")).toBe(0);
    expect(parseDollars("")).toBeNull();
    expect(parseDollars("-1")).toBeNull();
    expect(parseDollars("abc")).toBeNull();
  });

  it("marks estimated token counts", () => {
    expect(formatTokens(1234, true)).toBe("≈1,234");
    expect(formatTokens(1234, false)).toBe("1,234");
  });
});
