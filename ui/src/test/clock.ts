// The day every component test runs on unless it sets its own (see setup.ts): a Tuesday, one day
// before the fixture plan's first day (2–15 December 2026), in the morning UTC.
export const TEST_NOW = new Date("2026-12-01T09:30:00Z");
