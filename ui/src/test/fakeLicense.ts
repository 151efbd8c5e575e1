// The licence commands of the fake back end: a status the test sets, keys it knows, and what
// activation, refresh and deactivation do to them (the rules of crates/api's licence module,
// simplified).
import type { ApiError, Entitlements, KeyProgress, LicenseStatus } from "../bindings";

const STARTER: Entitlements = {
  max_active_clients: 3,
  seats: 1,
  white_label: false,
  features: ["audit", "content", "planner", "replies"],
  monthly_ai_credits: 100,
  one_time_credits: [],
  add_ons: [],
};

export const PRO: Entitlements = {
  max_active_clients: 10,
  seats: 2,
  white_label: true,
  features: ["ai", "audit", "content", "pdf_reports", "planner", "replies"],
  monthly_ai_credits: 1000,
  one_time_credits: [],
  add_ons: [],
};

export function trialStatus(daysLeft = 12): LicenseStatus {
  const ends = new Date(Date.now() + daysLeft * 86_400_000 - 60_000).toISOString();
  return {
    state: "trial",
    code: "TRIAL",
    plan: "trial",
    plan_label: "Trial",
    entitlements: STARTER,
    status: null,
    key_prefix: null,
    machine_name: null,
    seats_in_use: null,
    customer_email: null,
    renews_or_expires_at: null,
    refresh_by: null,
    read_only_at: ends,
    reason: `Trial: ${daysLeft} days left (until ${ends.slice(0, 10)}). Activate a licence to keep working after that.`,
    trial_ends_at: ends,
    server_url: "https://licenses.instagrowth.app",
    refresh_due: false,
    checked_at: new Date().toISOString(),
  };
}

export function activeStatus(key: string, machine: string): LicenseStatus {
  return {
    ...trialStatus(),
    state: "active",
    code: "VALID",
    plan: "pro",
    plan_label: "Pro",
    entitlements: PRO,
    status: "active",
    key_prefix: key.slice(0, 10),
    machine_name: machine,
    seats_in_use: 1,
    customer_email: "ana@example.com",
    renews_or_expires_at: "2027-01-05T00:00:00Z",
    refresh_by: "2026-12-10T00:00:00Z",
    read_only_at: "2026-12-17T00:00:00Z",
    reason: null,
    trial_ends_at: null,
  };
}

const ALPHABET = /^[0-9A-HJKMNP-TV-Z]$/;

export class FakeLicense {
  status: LicenseStatus = trialStatus();
  /** Keys the fake licence server sells. */
  keys = new Set<string>(["IGOS-7KQ3M-2B9XD-4RTV8-WJ6H5"]);
  machineName = "studio-mac";
  pendingLink: string | null = null;
  serverUrl = "https://licenses.instagrowth.app";
  portalOpened = 0;
  /** What the next server call fails with. */
  serverFailure: ApiError | null = null;

  answer(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "license_status":
        return { ...this.status, server_url: this.serverUrl };
      case "license_check_key":
        return this.check(args.input as string);
      case "license_default_machine_name":
        return this.machineName;
      case "license_take_link": {
        const key = this.pendingLink;
        this.pendingLink = null;
        return key;
      }
      case "license_activate":
        return this.activate(args.key as string, (args.machineName as string | null) ?? this.machineName);
      case "license_refresh":
        this.server();
        if (this.status.key_prefix === null) throw this.error("license_not_activated", "this computer is not activated");
        return this.status;
      case "license_deactivate":
        this.server();
        this.status = trialStatus();
        return this.status;
      case "license_open_portal":
        this.server();
        this.portalOpened += 1;
        return "https://billing.stripe.com/p/session/test_123";
      case "license_set_server": {
        const url = (args.url as string | null) ?? "";
        if (url !== "" && !url.startsWith("https://")) {
          throw { code: "invalid_input", message: `“${url}” cannot be the licence server: use an https:// address`, field: "license_server" };
        }
        this.serverUrl = url === "" ? "https://licenses.instagrowth.app" : url;
        return this.serverUrl;
      }
      default:
        throw `command ${cmd} not found`;
    }
  }

  private check(input: string): KeyProgress {
    const chars = input.toUpperCase().replace(/[\s\-–—]/g, "").replace(/^IGOS/, "");
    for (const c of chars) {
      if (!ALPHABET.test(c)) {
        return { state: "invalid", typed: 0, needed: 20, normalized: null, message: `“${c}” never appears in a purchase key` };
      }
    }
    if (chars.length < 20) return { state: "incomplete", typed: chars.length, needed: 20, normalized: null, message: null };
    const normalized = `IGOS-${chars.match(/.{1,5}/g)?.join("-")}`;
    if (chars.length > 20 || !this.keys.has(normalized)) {
      return { state: "invalid", typed: 0, needed: 20, normalized: null, message: "the key has a typo: check it against the e-mail, character by character" };
    }
    return { state: "valid", typed: 20, needed: 20, normalized, message: null };
  }

  private activate(key: string, machine: string): LicenseStatus {
    const c = this.check(key);
    if (c.state !== "valid" || !c.normalized) throw { ...this.error("license_invalid_key", c.message ?? "incomplete key"), field: "key" };
    this.server();
    this.status = activeStatus(c.normalized, machine);
    return this.status;
  }

  private server(): void {
    const f = this.serverFailure;
    this.serverFailure = null;
    if (f) throw f;
  }

  private error(code: ApiError["code"], message: string): ApiError {
    return { code, message, field: null };
  }
}
