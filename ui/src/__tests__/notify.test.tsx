import { vi } from "vitest";
import { FakeBackend } from "../test/fakeBackend";
import { FakeReportsBackend } from "../test/fakeReports";
import { openClientAudit, openClientData, row, screen, waitFor } from "../test/render";
import { exportOf } from "../test/sampleData";

const ZIP = "/home/me/Downloads/instagram-zoe.fit.zip";

describe("work finishing in the background", () => {
  it("an import that ends after its page was left is announced, with Open", async () => {
    const backend = new FakeBackend([
      { name: "Zoe Fitness", handle: "zoe.fit" },
      { name: "Alice Bakery", handle: "alice_bakes" },
    ]).addFile(ZIP, exportOf("zoe.fit", 12));
    let release = () => {};
    backend.holdImport(new Promise<void>((r) => (release = r)));
    const { user } = await openClientData(backend, "zoe.fit");
    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));
    await screen.findByTestId("import-progress");

    // Off to another client while it runs.
    await user.click(screen.getByTestId("client-back"));
    await user.click(row("alice_bakes"));
    await waitFor(() => expect(screen.getByTestId("client-title")).toHaveTextContent("Alice Bakery"));
    expect(screen.queryByTestId("toast")).not.toBeInTheDocument();

    release();
    const toast = await screen.findByTestId("toast");
    expect(toast).toHaveTextContent("Import finished");
    expect(toast).toHaveTextContent("Zoe Fitness: 12 posts added, 0 updated.");
    await user.click(screen.getByTestId("toast-open"));
    await waitFor(() => expect(screen.getByTestId("client-title")).toHaveTextContent("Zoe Fitness"));
    expect(screen.queryByTestId("toast")).not.toBeInTheDocument();
  });

  it("an import watched to its end needs no announcement", async () => {
    const backend = new FakeBackend([{ name: "Zoe Fitness", handle: "zoe.fit" }]).addFile(ZIP, exportOf("zoe.fit", 3));
    const { user } = await openClientData(backend, "zoe.fit");
    await user.type(screen.getByTestId("import-path"), ZIP);
    await user.click(screen.getByTestId("import-path-go"));
    await screen.findByTestId("import-summary");
    expect(screen.queryByTestId("toast")).not.toBeInTheDocument();
  });

  it("an audit that ends while the window is in the background is announced", async () => {
    const backend = new FakeReportsBackend([{ name: "Zoe Fitness", handle: "zoe.fit" }]);
    const { user } = await openClientAudit(backend, "zoe.fit");
    const focus = vi.spyOn(document, "hasFocus").mockReturnValue(false);
    try {
      await user.click(screen.getByTestId("audit-run"));
      const toast = await screen.findByTestId("toast");
      expect(toast).toHaveTextContent("Audit finished");
      expect(toast).toHaveTextContent("Zoe Fitness: content score");
    } finally {
      focus.mockRestore();
    }
  });
});
