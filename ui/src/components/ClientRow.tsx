import type { Client } from "../bindings";
import { Avatar } from "./Avatar";
import { ChevronRightIcon } from "./Icons";

type Props = { client: Client; highlighted: boolean; onOpen: (client: Client) => void };

export function ClientRow({ client, highlighted, onOpen }: Props) {
  return (
    <button
      type="button"
      className={highlighted ? "client-row is-highlighted" : "client-row"}
      data-testid="client-row"
      data-handle={client.handle}
      data-client-id={client.id}
      onClick={() => onOpen(client)}
    >
      <span className="client-row-main">
        <Avatar name={client.name} seed={client.handle} />
        <span className="client-row-names">
          <span className="client-row-name">{client.name}</span>
          <span className="client-row-handle">@{client.handle}</span>
        </span>
      </span>
      <span className="client-row-niche">{client.niche}</span>
      <span className="client-row-tags">
        {client.tags.map((t) => (
          <span key={t} className="chip">
            {t}
          </span>
        ))}
      </span>
      <span className="client-row-status">
        {client.archived ? <span className="badge badge-archived">Archived</span> : null}
        <ChevronRightIcon size={15} className="client-row-chevron" />
      </span>
    </button>
  );
}
