import type { ReactNode } from "react";
import { BrandMark, GaugeIcon, HelpIcon, KeyIcon, SettingsIcon, UsersIcon } from "./Icons";
import "./Sidebar.css";

/** The top-level section on screen. */
export type Section = "clients" | "usage" | "settings" | "license" | "help";

type Props = {
  version: string | null;
  active: Section;
  onNavigate: (section: Section) => void;
};

export function Sidebar({ version, active, onNavigate }: Props) {
  const item = (section: Section, label: string, icon: ReactNode) => (
    <button
      type="button"
      className="sidebar-item"
      data-testid={`nav-${section}`}
      aria-current={active === section ? "page" : undefined}
      onClick={() => onNavigate(section)}
    >
      {icon}
      {label}
    </button>
  );

  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <BrandMark size={22} />
        <span className="sidebar-name">InstaGrowth OS</span>
      </div>

      <nav className="sidebar-nav" aria-label="Main">
        {item("clients", "Clients", <UsersIcon size={16} />)}
      </nav>

      <nav className="sidebar-nav sidebar-nav-secondary" aria-labelledby="sidebar-workspace">
        <p id="sidebar-workspace" className="sidebar-group">
          Workspace
        </p>
        {item("usage", "AI usage", <GaugeIcon size={16} />)}
        {item("settings", "Settings", <SettingsIcon size={16} />)}
        {item("license", "Licence", <KeyIcon size={16} />)}
        {item("help", "Help", <HelpIcon size={16} />)}
      </nav>

      <div className="sidebar-footer">
        <span>Version</span>{" "}
        <span data-testid="app-version" className="sidebar-version">
          {version ?? "—"}
        </span>
      </div>
    </aside>
  );
}
