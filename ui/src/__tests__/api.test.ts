import { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import * as api from "../api";

describe("api", () => {
  it("sends each command with the argument keys the back end expects", async () => {
    const seen: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return cmd === "clients_list" || cmd === "clients_tags" ? [] : {};
    });
    const input = { name: "A", handle: "a", niche: "", goals: "", audience: "", brand_voice: "", tags: [], notes: "" };

    await api.appInfo();
    await api.listClients({ search: "x", tag: null, archived: "all" });
    await api.listTags();
    await api.getClient("id1");
    await api.createClient(input);
    await api.updateClient("id1", { notes: "n" });
    await api.archiveClient("id1");
    await api.unarchiveClient("id1");
    await api.deleteClient("id1");
    await api.clientDashboard("id1");
    await api.runImport("id1", ["/a.zip", "/b.zip"], true, () => {});
    await api.cancelImport();
    const entry = { snapshot: null, posts: [] };
    await api.saveManual("id1", entry);

    expect(seen).toEqual([
      ["app_info", {}],
      ["clients_list", { query: { search: "x", tag: null, archived: "all" } }],
      ["clients_tags", {}],
      ["clients_get", { key: "id1" }],
      ["clients_create", { input }],
      ["clients_update", { key: "id1", patch: { notes: "n" } }],
      ["clients_archive", { key: "id1" }],
      ["clients_unarchive", { key: "id1" }],
      ["clients_delete", { key: "id1" }],
      ["client_dashboard", { key: "id1" }],
      ["import_run", { key: "id1", paths: ["/a.zip", "/b.zip"], force: true, onProgress: expect.any(Channel) }],
      ["import_cancel", {}],
      ["manual_save", { key: "id1", entry }],
    ]);
  });

  it("streams import progress through a channel", async () => {
    mockIPC((cmd, args) => {
      if (cmd !== "import_run") return null;
      const id = ((args as Record<string, unknown>).onProgress as Channel<unknown>).id;
      const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
        .__TAURI_INTERNALS__;
      const run = (callbackId: number, data: unknown) => internals.runCallback(callbackId, data);
      // Out of order on purpose: the channel delivers by index.
      run(id, { index: 1, message: { files_read: 2, items_parsed: 40 } });
      run(id, { index: 0, message: { files_read: 1, items_parsed: 10 } });
      return { batch_id: "b1" };
    });
    const seen: unknown[] = [];
    const outcome = await api.runImport("id1", ["/x"], false, (p) => seen.push(p));
    expect(outcome).toEqual({ batch_id: "b1" });
    expect(seen).toEqual([
      { files_read: 1, items_parsed: 10 },
      { files_read: 2, items_parsed: 40 },
    ]);
  });

  it("knows the import error codes", async () => {
    for (const code of ["invalid_import", "handle_mismatch", "cancelled"] as const) {
      mockIPC(() => {
        throw { code, message: "why", field: null };
      });
      await expect(api.runImport("id1", ["/x"], false, () => {})).rejects.toEqual({ code, message: "Why", field: null });
    }
  });

  it("asks the native dialog for import files and folders", async () => {
    const seen: Array<[string, unknown]> = [];
    const answers: unknown[] = [["/a.zip"], null, "/folder", null];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return answers.shift();
    });
    expect(await api.pickImportFiles()).toEqual(["/a.zip"]);
    expect(await api.pickImportFiles()).toEqual([]);
    expect(await api.pickImportFolder()).toBe("/folder");
    expect(await api.pickImportFolder()).toBeNull();
    expect(seen.map(([cmd]) => cmd)).toEqual(Array(4).fill("plugin:dialog|open"));
    expect((seen[0][1] as { options: unknown }).options).toMatchObject({ multiple: true, directory: false });
    expect((seen[2][1] as { options: unknown }).options).toMatchObject({ directory: true, multiple: false });
  });

  it("rejects with the back end's ApiError", async () => {
    mockIPC(() => {
      throw { code: "duplicate_handle", message: "@a is taken", field: "handle" };
    });
    await expect(api.createClient({} as never)).rejects.toEqual({
      code: "duplicate_handle",
      message: "@a is taken",
      field: "handle",
    });
  });

  it("turns anything else into a internal ApiError with its text", () => {
    expect(api.toApiError("command clients_list not found")).toEqual({
      code: "internal",
      message: "command clients_list not found",
      field: null,
    });
    expect(api.toApiError(new TypeError("window.__TAURI_INTERNALS__ is undefined"))).toEqual({
      code: "internal",
      message: "window.__TAURI_INTERNALS__ is undefined",
      field: null,
    });
    expect(api.toApiError({ code: "teapot", message: "no" }).code).toBe("internal");
    expect(api.toApiError(undefined)).toEqual({ code: "internal", message: "undefined", field: null });
    expect(api.toApiError({ code: "not_found", message: "gone" })).toEqual({
      code: "not_found",
      message: "gone",
      field: null,
    });
  });
});
