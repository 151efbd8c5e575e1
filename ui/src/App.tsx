import { useCallback, useEffect, useRef, useState } from "react";
import {
  appInfo,
  licenseStatus,
  licenseTakeLink,
  onLicenseChanged,
  onLicenseLink,
  onLicenseRefusal,
  onUpdateAvailable,
  onboardingResume,
  onboardingStatus,
} from "./api";
import type { ApiError, AppInfo, Client, LicenseStatus, Onboarding, UpdateInfo } from "./bindings";
import { ClientForm } from "./components/ClientForm";
import { ClientList } from "./components/ClientList";
import { ClientPage } from "./components/ClientPage";
import { ErrorBanner } from "./components/ErrorBanner";
import { HelpPage } from "./components/help/HelpPage";
import { LicenseBanner } from "./components/license/LicenseBanner";
import { LicensePage } from "./components/license/LicensePage";
import { OnboardingWizard } from "./components/onboarding/OnboardingWizard";
import { SettingsPage } from "./components/settings/SettingsPage";
import { Sidebar, type Section } from "./components/Sidebar";
import { Toasts } from "./components/Toasts";
import { UpdateBanner } from "./components/updates/UpdateBanner";
import { UpdateDialog } from "./components/updates/UpdateDialog";
import { UsagePage } from "./components/usage/UsagePage";
import { DEFAULT_FILTERS, matchesFilters, type ListFilters } from "./filters";
import { useShortcut } from "./hooks/useShortcut";
import { HelpProvider } from "./help/HelpContext";

type View =
  | { kind: "list" }
  | { kind: "client"; id: string }
  | { kind: "settings" }
  | { kind: "usage" }
  | { kind: "license" }
  | { kind: "help"; article?: string };
/** The open client form: `client` null creates one. */
type FormState = { client: Client | null } | null;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [listLoaded, setListLoaded] = useState(false);
  const [view, setView] = useState<View>({ kind: "list" });
  const [form, setForm] = useState<FormState>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  const [revision, setRevision] = useState(0);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [searchFocusRequest, setSearchFocusRequest] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const [license, setLicense] = useState<LicenseStatus | null>(null);
  const [linkKey, setLinkKey] = useState<string | null>(null);
  const [update, setUpdate] = useState<UpdateInfo | null>(null);
  const [updateOpen, setUpdateOpen] = useState(false);
  // The first-run setup: `null` until known; shown while neither skipped nor finished.
  const [onboarding, setOnboarding] = useState<Onboarding | null>(null);
  const [onboardingChecked, setOnboardingChecked] = useState(false);
  const wizardOpen = onboarding !== null && !onboarding.skipped && !onboarding.finished;

  const reloadLicense = useCallback(() => {
    licenseStatus().then(setLicense, () => undefined);
  }, []);
  const reportError = useCallback((e: ApiError) => setError(e), []);
  const onListLoaded = useCallback(() => setListLoaded(true), []);
  const refresh = () => setRevision((r) => r + 1);

  useEffect(() => {
    appInfo().then(setInfo, reportError);
    onboardingStatus().then(setOnboarding, () => undefined).finally(() => setOnboardingChecked(true));
  }, [reportError]);

  // The licence: at start, after each background check, and an activation link (at launch or
  // while running) opens the licence page with the key filled in.
  useEffect(() => {
    reloadLicense();
    const openWithKey = (key: string) => {
      setLinkKey(key);
      setView({ kind: "license" });
    };
    licenseTakeLink().then((key) => key && openWithKey(key), () => undefined);
    const stopChanged = onLicenseChanged(setLicense);
    const stopLink = onLicenseLink(openWithKey);
    // A command refused for the licence's sake: the banner should say where it stands now.
    const stopRefusal = onLicenseRefusal(reloadLicense);
    const stopUpdate = onUpdateAvailable(setUpdate);
    return () => {
      stopChanged();
      stopLink();
      stopRefusal();
      stopUpdate();
    };
  }, [reloadLicense]);

  // The end-to-end tests wait for this before touching the UI.
  useEffect(() => {
    if (info && onboardingChecked && (listLoaded || wizardOpen)) document.body.dataset.ready = "true";
  }, [info, listLoaded, onboardingChecked, wizardOpen]);

  // Focus the search box once the list is on screen.
  useEffect(() => {
    if (searchFocusRequest === 0 || view.kind !== "list") return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [searchFocusRequest, view]);

  const showList = () => setView((v) => (v.kind === "list" ? v : { kind: "list" }));
  const openNew = () => setForm({ client: null });
  const openHelp = useCallback((article?: string) => setView({ kind: "help", article }), []);
  const section: Section =
    view.kind === "settings" || view.kind === "usage" || view.kind === "license" || view.kind === "help"
      ? view.kind
      : "clients";

  function navigate(to: Section) {
    if (to === "clients") showList();
    else setView((v) => (v.kind === to ? v : { kind: to }));
  }

  useShortcut("n", openNew);
  useShortcut("k", () => {
    showList();
    setSearchFocusRequest((n) => n + 1);
  });

  function onSaved(saved: Client, created: boolean) {
    setForm(null);
    refresh();
    if (created) {
      // Show the new client in the list, widening the filters if they would hide it.
      if (!matchesFilters(saved, filters)) setFilters(DEFAULT_FILTERS);
      setHighlightId(saved.id);
      setView({ kind: "list" });
    }
  }

  if (wizardOpen) {
    return (
      <OnboardingWizard
        onboarding={onboarding}
        onChange={setOnboarding}
        license={license}
        linkKey={linkKey}
        onLicense={(status) => {
          setLicense(status);
          setLinkKey(null);
        }}
        onClose={(clientId) => {
          refresh();
          setView(clientId ? { kind: "client", id: clientId } : { kind: "list" });
        }}
      />
    );
  }

  return (
    <HelpProvider openHelp={openHelp}>
    <div className="app">
      <Sidebar version={info?.version ?? null} active={section} onNavigate={navigate} />

      <main className="main">
        {license && view.kind !== "license" ? (
          <LicenseBanner status={license} onOpen={() => navigate("license")} />
        ) : null}
        {update && !updateOpen ? (
          <UpdateBanner update={update} onOpen={() => setUpdateOpen(true)} onDismiss={() => setUpdate(null)} />
        ) : null}
        {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
        <div className="main-scroll">
          <div className="page">
            {view.kind === "list" ? (
              <ClientList
                filters={filters}
                onFiltersChange={setFilters}
                revision={revision}
                highlightId={highlightId}
                searchRef={searchRef}
                onOpen={(c) => {
                  setHighlightId(null);
                  setView({ kind: "client", id: c.id });
                }}
                onNew={openNew}
                onError={reportError}
                onLoaded={onListLoaded}
              />
            ) : view.kind === "settings" ? (
              <SettingsPage onError={reportError} />
            ) : view.kind === "license" ? (
              <LicensePage
                status={license}
                linkKey={linkKey}
                onStatus={(s) => {
                  setLicense(s);
                  setLinkKey(null);
                }}
                onReload={reloadLicense}
              />
            ) : view.kind === "help" ? (
              <HelpPage
                initialArticle={view.article}
                onResumeSetup={() => onboardingResume().then(setOnboarding, reportError)}
              />
            ) : view.kind === "usage" ? (
              <UsagePage onError={reportError} onOpenSettings={() => navigate("settings")} />
            ) : (
              <ClientPage
                clientId={view.id}
                revision={revision}
                onBack={showList}
                onEdit={(c) => setForm({ client: c })}
                onChanged={refresh}
                onDeleted={() => {
                  refresh();
                  setView({ kind: "list" });
                }}
                onError={reportError}
              />
            )}
          </div>
        </div>
      </main>

      {update && updateOpen ? (
        <UpdateDialog
          update={update}
          onClose={() => {
            setUpdateOpen(false);
            setUpdate(null);
          }}
        />
      ) : null}

      <Toasts onOpenClient={(id) => setView({ kind: "client", id })} />

      {form ? (
        <ClientForm
          client={form.client}
          onCancel={() => setForm(null)}
          onSaved={(c) => onSaved(c, form.client === null)}
        />
      ) : null}
    </div>
    </HelpProvider>
  );
}
