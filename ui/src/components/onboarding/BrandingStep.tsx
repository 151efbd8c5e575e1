import { HelpLink } from "../help/HelpLink";
import { BrandingSection } from "../settings/BrandingSection";
import { StepFrame } from "./StepFrame";

type Props = { onBack: () => void; onNext: () => void; busy: boolean };

/** Step 3: the agency's name, logo and colours, with the report cover as the client will see it. */
export function BrandingStep({ onBack, onNext, busy }: Props) {
  return (
    <StepFrame
      title="Your agency's brand"
      lead={
        <>
          Every PDF you hand a client carries your name, logo and colours. Save, check the cover preview, then
          continue — you can change it later in Settings. <HelpLink article="branding-and-pdfs">About reports</HelpLink>
        </>
      }
      onBack={onBack}
      actions={
        <button type="button" className="btn btn-primary" data-testid="wizard-next" disabled={busy} onClick={onNext}>
          Continue
        </button>
      }
    >
      <BrandingSection />
    </StepFrame>
  );
}
