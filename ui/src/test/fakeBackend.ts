// An in-memory stand-in for the Rust back end, answering the same Tauri commands through
// `mockIPC`. It follows the documented rules independently of the UI's own validation.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ApiError, Client, ClientPatch, ClientQuery, NewClient } from "../bindings";

export type Call = { cmd: string; args: Record<string, unknown> };
type Seed = Partial<NewClient> & { name: string; handle: string; archived?: boolean };

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

export class FakeBackend {
  clients: Client[] = [];
  calls: Call[] = [];
  version = "0.1.0";
  private failures = new Map<string, ApiError>();
  private pending = new Map<string, Promise<void>>();
  private nextId = 1;
  private clock = Date.UTC(2025, 0, 15, 9, 30);

  constructor(seeds: Seed[] = []) {
    for (const s of seeds) this.seed(s);
  }

  seed(s: Seed): Client {
    const c = this.create({ niche: "", goals: "", audience: "", brand_voice: "", tags: [], notes: "", ...s });
    if (s.archived) this.setArchived(c.id, true);
    return this.get(c.id);
  }

  /** Installs this back end as Tauri's IPC. */
  install(): this {
    mockIPC((cmd, args) => this.invoke(cmd, (args ?? {}) as Record<string, unknown>));
    return this;
  }

  /** The next call of `cmd` rejects with `error`. */
  failNext(cmd: string, error: ApiError): void {
    this.failures.set(cmd, error);
  }

  /** Calls of `cmd` wait for `gate` before answering. */
  holdUntil(cmd: string, gate: Promise<void>): void {
    this.pending.set(cmd, gate);
  }

  callsOf(cmd: string): Call[] {
    return this.calls.filter((c) => c.cmd === cmd);
  }

  listQueries(): ClientQuery[] {
    return this.callsOf("clients_list").map((c) => c.args.query as ClientQuery);
  }

  lastQuery(): ClientQuery | undefined {
    const queries = this.listQueries();
    return queries[queries.length - 1];
  }

  lastCall(cmd: string): Call | undefined {
    const calls = this.callsOf(cmd);
    return calls[calls.length - 1];
  }

  byHandle(handle: string): Client | undefined {
    return this.clients.find((c) => c.handle === handle);
  }

  async invoke(cmd: string, args: Record<string, unknown>): Promise<unknown> {
    this.calls.push({ cmd, args: structuredClone(args) });
    const gate = this.pending.get(cmd);
    if (gate) await gate;
    const failure = this.failures.get(cmd);
    if (failure) {
      this.failures.delete(cmd);
      throw failure;
    }
    const key = args.key as string;
    switch (cmd) {
      case "app_info":
        return { version: this.version, data_dir: "/tmp/instagrowth", schema_version: 1 };
      case "clients_list":
        return this.list(args.query as ClientQuery);
      case "clients_tags":
        return [...new Set(this.clients.flatMap((c) => c.tags))].sort();
      case "clients_get":
        return this.get(key);
      case "clients_create":
        return this.create(args.input as NewClient);
      case "clients_update":
        return this.update(key, args.patch as ClientPatch);
      case "clients_archive":
        return this.setArchived(key, true);
      case "clients_unarchive":
        return this.setArchived(key, false);
      case "clients_delete": {
        const c = this.get(key);
        this.clients = this.clients.filter((x) => x.id !== key);
        return c;
      }
      default:
        throw `command ${cmd} not found`;
    }
  }

  private now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private list(q: ClientQuery): Client[] {
    if (!q || !["active", "archived", "all"].includes(q.archived)) {
      throw invalid("archived", "bad query");
    }
    const search = (q.search ?? "").trim().replace(/^@/, "").toLowerCase();
    return this.clients
      .filter((c) => (q.archived === "all" ? true : q.archived === "archived" ? c.archived : !c.archived))
      .filter((c) => !q.tag || c.tags.includes(q.tag))
      .filter((c) => !search || c.name.toLowerCase().includes(search) || c.handle.includes(search))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => structuredClone(c));
  }

  private get(key: string): Client {
    const c = this.clients.find((x) => x.id === key);
    if (!c) throw { code: "not_found", field: null, message: `no client ${key}` } satisfies ApiError;
    return structuredClone(c);
  }

  private checkName(raw: string): string {
    const name = raw.trim();
    if (name === "") throw invalid("name", "the client needs a name");
    if ([...name].length > 100) throw invalid("name", "the name is longer than 100 characters");
    return name;
  }

  private checkHandle(raw: string, self?: string): string {
    const h = raw.trim().replace(/^@/, "").toLowerCase();
    if (h === "") throw invalid("handle", "the client needs an Instagram handle");
    if (!/^[a-z0-9._]{1,30}$/.test(h) || h.startsWith(".") || h.endsWith(".") || h.includes("..")) {
      throw invalid("handle", `@${h} is not a valid Instagram handle`);
    }
    if (this.clients.some((c) => c.handle === h && c.id !== self)) {
      throw { code: "duplicate_handle", field: "handle", message: `@${h} is already a client` } satisfies ApiError;
    }
    return h;
  }

  private checkTags(raw: string[]): string[] {
    const tags = [...new Set(raw.map((t) => t.trim().replace(/^#/, "").toLowerCase()).filter(Boolean))];
    if (tags.length > 20) throw invalid("tags", "a client can carry at most 20 tags");
    if (tags.some((t) => t.length > 40 || t.includes(","))) throw invalid("tags", "bad tag");
    return tags.sort();
  }

  private create(input: NewClient): Client {
    const name = this.checkName(input.name);
    const handle = this.checkHandle(input.handle);
    const tags = this.checkTags(input.tags);
    const at = this.now();
    const c: Client = {
      id: `client-${this.nextId++}`,
      name,
      handle,
      niche: input.niche.trim(),
      goals: input.goals.trim(),
      audience: input.audience.trim(),
      brand_voice: input.brand_voice.trim(),
      tags,
      notes: input.notes.trim(),
      created_at: at,
      updated_at: at,
      archived_at: null,
      archived: false,
    };
    this.clients.push(c);
    return structuredClone(c);
  }

  private update(key: string, patch: ClientPatch): Client {
    const c = this.clients.find((x) => x.id === key);
    if (!c) return this.get(key);
    const next = { ...c };
    if (patch.name != null) next.name = this.checkName(patch.name);
    if (patch.handle != null) next.handle = this.checkHandle(patch.handle, key);
    if (patch.tags != null) next.tags = this.checkTags(patch.tags);
    for (const f of ["niche", "goals", "audience", "brand_voice", "notes"] as const) {
      const v = patch[f];
      if (v != null) next[f] = v.trim();
    }
    next.updated_at = this.now();
    Object.assign(c, next);
    return structuredClone(c);
  }

  private setArchived(key: string, archived: boolean): Client {
    const c = this.clients.find((x) => x.id === key);
    if (!c) return this.get(key);
    c.archived = archived;
    c.archived_at = archived ? this.now() : null;
    c.updated_at = this.now();
    return structuredClone(c);
  }
}
