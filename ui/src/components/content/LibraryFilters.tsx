import { useId } from "react";
import type { ContentQuery, Kind } from "../../bindings";
import { SearchIcon } from "../Icons";
import { KIND_LABEL, KINDS } from "./contentFormat";

export type LibraryFilterValues = {
  kind: Kind | "";
  search: string;
  favourites: boolean;
  showUsed: boolean;
  tag: string;
};

export const DEFAULT_LIBRARY_FILTERS: LibraryFilterValues = { kind: "", search: "", favourites: false, showUsed: false, tag: "" };

/** The filters as the back end's query (`search` and `tag` already debounced). */
export function toContentQuery(f: LibraryFilterValues, search: string, tag: string): ContentQuery {
  const s = search.trim();
  const t = tag.trim().toLowerCase();
  return {
    kind: f.kind === "" ? null : f.kind,
    search: s === "" ? null : s,
    favourites_only: f.favourites,
    include_used: f.showUsed,
    tag: t === "" ? null : t,
  };
}

export function hasFilters(f: LibraryFilterValues): boolean {
  return f.kind !== "" || f.search.trim() !== "" || f.favourites || f.tag.trim() !== "";
}

type Props = {
  values: LibraryFilterValues;
  onChange: (values: LibraryFilterValues) => void;
  /** Tags seen on saved items, suggested for the tag filter. */
  knownTags: string[];
};

/** Kind, search, favourites, used items and a tag. */
export function LibraryFilters({ values, onChange, knownTags }: Props) {
  const id = useId();
  const set = (patch: Partial<LibraryFilterValues>) => onChange({ ...values, ...patch });
  return (
    <div className="library-filters" role="search" aria-label="Filter the library">
      <label className="library-kind-field">
        <span className="visually-hidden">Kind</span>
        <select
          className="select"
          data-testid="library-kind"
          value={values.kind}
          onChange={(e) => set({ kind: e.target.value as Kind | "" })}
        >
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>

      <label className="search-field">
        <span className="visually-hidden">Search the library</span>
        <SearchIcon size={15} className="search-icon" />
        <input
          type="search"
          className="input search-input library-search-input"
          placeholder="Search text or topic"
          data-testid="library-search"
          value={values.search}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => set({ search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Escape" && values.search !== "") {
              e.preventDefault();
              set({ search: "" });
            }
          }}
        />
      </label>

      <label className="library-tag-field">
        <span className="visually-hidden">Tag</span>
        <input
          type="text"
          className="input"
          placeholder="Tag"
          data-testid="library-tag"
          list={`${id}-tags`}
          value={values.tag}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => set({ tag: e.target.value })}
        />
        <datalist id={`${id}-tags`}>
          {knownTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>

      <label className="check">
        <input
          type="checkbox"
          data-testid="library-favourites"
          checked={values.favourites}
          onChange={(e) => set({ favourites: e.target.checked })}
        />
        <span>Favourites only</span>
      </label>
      <label className="check" title="Used items are hidden, and never suggested again, unless shown here.">
        <input
          type="checkbox"
          data-testid="library-show-used"
          checked={values.showUsed}
          onChange={(e) => set({ showUsed: e.target.checked })}
        />
        <span>Show used</span>
      </label>
    </div>
  );
}
