import type { ClientExport } from "../bindings";
import { FakeReportsBackend } from "../test/fakeReports";
import { renderApp, row, screen, waitFor } from "../test/render";

class ExportBackend extends FakeReportsBackend {
  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    if (cmd === "client_export") {
      const c = this.clients.find((x) => x.id === args.clientId);
      if (!c) throw { code: "not_found", field: null, message: "no such client" };
      return {
        path: args.path as string,
        handle: c.handle,
        tables: [
          ["posts", 40],
          ["audits", 2],
        ],
      } satisfies ClientExport;
    }
    return super.other(cmd, args);
  }
}

describe("client data export", () => {
  it("writes everything about the client to the zip chosen and says what went in", async () => {
    const backend = new ExportBackend([{ name: "Zoe Fitness", handle: "zoe.fit" }]);
    backend.saveAnswers.push(null, "/home/ana/zoe-data.zip");
    const { user } = await renderApp(backend);
    await user.click(row("zoe.fit"));
    await screen.findByTestId("client-title");

    // Closing the dialog exports nothing.
    await user.click(screen.getByTestId("client-export"));
    await waitFor(() => expect(backend.callsOf("plugin:dialog|save")).toHaveLength(1));
    expect(backend.callsOf("client_export")).toHaveLength(0);
    expect(String(backend.lastCall("plugin:dialog|save")?.args.options && JSON.stringify(backend.lastCall("plugin:dialog|save")?.args.options))).toContain(
      "zoe.fit-data-",
    );

    await user.click(screen.getByTestId("client-export"));
    expect(await screen.findByTestId("client-export-done")).toHaveTextContent(
      "Exported to /home/ana/zoe-data.zip: 42 records from 2 tables.",
    );
    expect(backend.lastCall("client_export")?.args).toEqual({
      clientId: backend.byHandle("zoe.fit")!.id,
      path: "/home/ana/zoe-data.zip",
    });
  });
});
