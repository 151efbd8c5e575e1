import { BrandMark, UsersIcon } from "./Icons";
import "./Sidebar.css";

type Props = {
  version: string | null;
  clientsActive: boolean;
  onClients: () => void;
};

export function Sidebar({ version, clientsActive, onClients }: Props) {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <BrandMark size={22} />
        <span className="sidebar-name">InstaGrowth OS</span>
      </div>

      <nav className="sidebar-nav" aria-label="Main">
        <button
          type="button"
          className="sidebar-item"
          data-testid="nav-clients"
          aria-current={clientsActive ? "page" : undefined}
          onClick={onClients}
        >
          <UsersIcon size={16} />
          Clients
        </button>
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
