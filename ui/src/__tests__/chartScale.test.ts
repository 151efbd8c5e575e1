import { linear, niceTicks, rollingMean, timeTicks } from "../components/charts/scale";

describe("chart scales", () => {
  it("maps linearly and puts a single value in the middle", () => {
    expect(linear(0, 10, 100, 200)(5)).toBe(150);
    expect(linear(3, 3, 0, 80)(3)).toBe(40);
  });

  it("picks round ticks that cover the data", () => {
    expect(niceTicks(0, 224, 4, true)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(0, 95, 4, true)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 0, 4, true)).toEqual([0, 1]);
    expect(niceTicks(0, 3, 3, true)).toEqual([0, 1, 2, 3]);
    const followers = niceTicks(1200, 1350, 4, true);
    expect(followers[0]).toBeLessThanOrEqual(1200);
    expect(followers[followers.length - 1]).toBeGreaterThanOrEqual(1350);
    const one = niceTicks(870, 870, 4, true);
    expect(one[0]).toBeLessThan(870);
    expect(one[one.length - 1]).toBeGreaterThan(870);
  });

  it("puts date ticks on round days, Mondays, months or years", () => {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const weeks = timeTicks(day("2025-01-06"), day("2025-02-03"), 6, true);
    expect(weeks.map((t) => new Date(t.t).toISOString().slice(0, 10))).toEqual([
      "2025-01-06",
      "2025-01-13",
      "2025-01-20",
      "2025-01-27",
      "2025-02-03",
    ]);
    const months = timeTicks(day("2024-11-15"), day("2025-04-20"), 6, true);
    expect(months.map((t) => new Date(t.t).toISOString().slice(0, 7))).toEqual([
      "2024-12",
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
    ]);
    const years = timeTicks(day("2019-06-01"), day("2025-06-01"), 7, true);
    expect(years.map((t) => new Date(t.t).getUTCFullYear())).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(years[0].label).toBe("2020");
    for (const list of [weeks, months, years]) {
      for (const t of list) expect(t.label).not.toBe("");
    }
  });

  it("averages over a rolling window", () => {
    expect(rollingMean([2, 4, 6, 8], 2)).toEqual([2, 3, 5, 7]);
  });
});
