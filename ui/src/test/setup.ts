import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, vi } from "vitest";
import { TEST_NOW } from "./clock";

// Every test runs on the same day, whatever day it is run on: `Date` is faked at TEST_NOW (and
// advances with real time from there, so durations still pass). Only `Date` is faked: timers,
// promises and user-event behave as they really do. A test about "today" sets its own day with
// `vi.setSystemTime(...)`. CI also runs this suite with the machine's clock moved ahead, which
// catches a test that escapes this clock.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: TEST_NOW, shouldAdvanceTime: true });
});

afterEach(() => {
  cleanup();
  clearMocks();
  vi.useRealTimers();
  delete document.body.dataset.ready;
});
