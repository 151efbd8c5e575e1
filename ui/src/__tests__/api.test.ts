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
    ]);
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
