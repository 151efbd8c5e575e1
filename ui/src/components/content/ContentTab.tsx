import { useState } from "react";
import type { ApiError, Client } from "../../bindings";
import { SegmentedControl, type Segment } from "../SegmentedControl";
import { DraftView } from "./DraftView";
import { LibraryView } from "./LibraryView";
import "../ClientList.css";
import "../audit/Audit.css";
import "./content.css";
import { HelpLink } from "../help/HelpLink";

type View = "draft" | "library";

const VIEWS: readonly Segment<View>[] = [
  { value: "draft", label: "Draft", testId: "content-view-draft" },
  { value: "library", label: "Library", testId: "content-view-library" },
];

type Props = {
  client: Client;
  onError: (error: ApiError) => void;
};

/** The client's content: draft reel ideas, hooks, captions and hashtag sets, and the saved library. */
export function ContentTab({ client, onError }: Props) {
  const [view, setView] = useState<View>("draft");
  // The library loads when first opened and reloads after each save from a draft.
  const [libraryOpened, setLibraryOpened] = useState(false);
  const [revision, setRevision] = useState(0);

  function show(next: View) {
    setView(next);
    if (next === "library") setLibraryOpened(true);
  }

  return (
    <div className="content-tab" data-testid="content-tab">
      <div className="content-tab-bar">
        <SegmentedControl label="Content view" segments={VIEWS} value={view} onChange={show} />
        <p className="content-tab-hint">
          {view === "draft"
            ? "Draft ideas, then save the keepers to the library."
            : "Saved content for this client. Used items are hidden and never suggested again."}
        </p>
        <HelpLink article="content-drafts">About drafts</HelpLink>
      </div>
      {/* Both stay mounted, so a running draft keeps going while the library is open. */}
      <div hidden={view !== "draft"}>
        <DraftView client={client} onSaved={() => setRevision((n) => n + 1)} />
      </div>
      <div hidden={view !== "library"}>
        {libraryOpened || view === "library" ? <LibraryView client={client} revision={revision} onError={onError} /> : null}
      </div>
    </div>
  );
}
