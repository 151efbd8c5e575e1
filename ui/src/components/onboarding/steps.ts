// The first-run setup's steps, in the order the back end keeps them.
import type { OnboardingStep } from "../../bindings";

export const STEPS: { step: OnboardingStep; label: string; hint: string }[] = [
  { step: "license", label: "Licence", hint: "Start the trial or activate a key" },
  { step: "ai", label: "AI provider", hint: "Your own model, or offline only" },
  { step: "branding", label: "Branding", hint: "Your agency on every PDF" },
  { step: "client", label: "First client", hint: "Who you are growing" },
  { step: "import", label: "Their data", hint: "The Instagram export" },
  { step: "audit", label: "First audit", hint: "And its PDF report" },
];

export function stepIndex(step: OnboardingStep): number {
  return STEPS.findIndex((s) => s.step === step);
}
