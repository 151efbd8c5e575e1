// The first-run setup's commands: finished unless a test starts it fresh.
import type { ApiError, Onboarding, OnboardingStep } from "../bindings";

const ORDER: OnboardingStep[] = ["license", "ai", "branding", "client", "import", "audit"];

export function freshOnboarding(): Onboarding {
  return { step: "license", done: [], client_id: null, skipped: false, finished: false };
}

export class FakeOnboarding {
  state: Onboarding = { step: "audit", done: [...ORDER], client_id: null, skipped: false, finished: true };

  answer(cmd: string, args: Record<string, unknown>): Onboarding {
    const o = this.state;
    switch (cmd) {
      case "onboarding_status":
        break;
      case "onboarding_complete": {
        const step = args.step as OnboardingStep;
        if (args.clientId) o.client_id = args.clientId as string;
        if ((step === "import" || step === "audit") && !o.client_id) {
          throw { code: "invalid_input", field: null, message: "add the first client first" } satisfies ApiError;
        }
        if (!o.done.includes(step)) o.done = ORDER.filter((s) => s === step || o.done.includes(s));
        const next = ORDER[ORDER.indexOf(step) + 1];
        if (next) o.step = next;
        else o.finished = true;
        o.skipped = false;
        break;
      }
      case "onboarding_go_to":
        o.step = args.step as OnboardingStep;
        break;
      case "onboarding_skip":
        o.skipped = true;
        break;
      case "onboarding_resume":
        if (o.finished) {
          o.finished = false;
          o.step = "license";
        }
        o.skipped = false;
        break;
      default:
        throw `command ${cmd} not found`;
    }
    return structuredClone(o);
  }
}
