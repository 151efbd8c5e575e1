import { useCallback, useEffect, useState } from "react";
import { aiPresets, aiStatus } from "../../api";
import type { AiStatus, ApiError, PresetInfo } from "../../bindings";
import { KeyIcon } from "../Icons";
import { AiCreditsSection } from "./AiCreditsSection";
import { AiKeySection } from "./AiKeySection";
import { AiProviderSection } from "./AiProviderSection";
import { AiStatusLine } from "./AiStatusLine";
import { AiTestSection } from "./AiTestSection";
import { AiTrySection } from "./AiTrySection";
import { BackupSection } from "./BackupSection";
import { BrandingSection } from "./BrandingSection";
import { UpdatesSection } from "../updates/UpdatesSection";
import { SettingsCard } from "./SettingsCard";
import "./Settings.css";
import { HelpLink } from "../help/HelpLink";
import { LoadFailed } from "../LoadFailed";

type Loaded = { status: AiStatus; presets: PresetInfo[] };

export function SettingsPage({ onError }: { onError: (error: ApiError) => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stale = false;
    setFailed(false);
    Promise.all([aiStatus(), aiPresets()]).then(
      ([status, presets]) => !stale && setLoaded({ status, presets }),
      (err: ApiError) => {
        if (stale) return;
        setFailed(true);
        onError(err);
      },
    );
    return () => {
      stale = true;
    };
    // Load once per attempt, not when the callback changes.
  }, [attempt]);

  const setStatus = useCallback((status: AiStatus) => setLoaded((l) => (l ? { ...l, status } : l)), []);

  // After a sample the credits may have moved.
  const refreshStatus = useCallback(() => {
    aiStatus().then(setStatus, () => undefined);
  }, [setStatus]);

  return (
    <section className="settings-page" data-testid="settings-page" aria-labelledby="settings-title">
      <header className="page-header">
        <div>
          <h1 id="settings-title" className="page-title">
            Settings
          </h1>
          <p className="page-subtitle">How this workspace drafts with AI, brands its reports and gets updates.</p>
        </div>
      </header>

      <section className="settings-section" aria-labelledby="ai-provider-title">
        <h2 id="ai-provider-title" className="settings-section-title">
          AI provider
        </h2>
        <HelpLink article="ai-models">Choosing a provider and model</HelpLink>
        <p className="settings-intro">
          Everything drafts offline first. When an AI provider is set up and reachable, it improves those
          drafts. Only your agency's own provider receives client data; nothing goes anywhere else.
        </p>

        {loaded ? (
          <div className="settings-stack">
            <AiStatusLine status={loaded.status} />
            <AiProviderSection status={loaded.status} presets={loaded.presets} onStatus={setStatus} />
            <SettingsCard
              title="Key and connection"
              icon={<KeyIcon size={16} />}
              description="The key never leaves this computer except to authenticate with your provider."
            >
              <AiKeySection status={loaded.status} onStatus={setStatus} />
              <AiTestSection status={loaded.status} />
            </SettingsCard>
            <AiTrySection onFinished={refreshStatus} />
            <AiCreditsSection status={loaded.status} onStatus={setStatus} />
          </div>
        ) : failed ? (
          <LoadFailed what="The AI settings" testId="settings-failed" onRetry={() => setAttempt((n) => n + 1)} />
        ) : (
          <div className="settings-loading" aria-busy="true" aria-label="Loading the AI settings" />
        )}
      </section>

      <section className="settings-section" aria-labelledby="branding-title">
        <h2 id="branding-title" className="settings-section-title">
          Reports
        </h2>
        <HelpLink article="branding-and-pdfs">Branding and PDF reports</HelpLink>
        <p className="settings-intro">
          Audit PDFs carry your agency's brand. The preview shows the cover as clients will see it.
        </p>
        <BrandingSection />
      </section>

      <section className="settings-section" aria-labelledby="updates-title">
        <h2 id="updates-title" className="settings-section-title">
          Updates
        </h2>
        <HelpLink article="updates">How updates work</HelpLink>
        <p className="settings-intro">New versions come signed from InstaGrowth; you decide when to install them.</p>
        <UpdatesSection />
      </section>

      <section className="settings-section" aria-labelledby="backup-title">
        <h2 id="backup-title" className="settings-section-title">
          Backup
        </h2>
        <HelpLink article="backup-and-export">Backups and exports</HelpLink>
        <p className="settings-intro">Keep a copy of the workspace somewhere safe, or move it to another computer.</p>
        <BackupSection />
      </section>
    </section>
  );
}
