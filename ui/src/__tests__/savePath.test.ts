import { describe, expect, it } from "vitest";
import { withExtension } from "../savePath";

describe("save paths", () => {
  it("adds the dialog's extension to a name typed without one (GTK does not)", () => {
    expect(withExtension("/home/ana/Reports/glow audit", "pdf")).toBe("/home/ana/Reports/glow audit.pdf");
    expect(withExtension("C:\\Users\\ana\\plan", "ics")).toBe("C:\\Users\\ana\\plan.ics");
  });

  it("leaves a name with an extension, of its kind or not, and a closed dialog", () => {
    expect(withExtension("/tmp/leads.CSV", "csv")).toBe("/tmp/leads.CSV");
    expect(withExtension("/tmp/report.txt", "pdf")).toBe("/tmp/report.txt");
    expect(withExtension("/tmp/v1.2/report", "pdf")).toBe("/tmp/v1.2/report.pdf");
    expect(withExtension(null, "pdf")).toBeNull();
  });
});
