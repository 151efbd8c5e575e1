import { useEffect, useRef, useState, type MouseEvent } from "react";
import { helpArticle, helpList, helpOpenLink, helpSearch, toApiError } from "../../api";
import type { ApiError, HelpArticle, HelpArticleSummary, HelpHit } from "../../bindings";
import { useHelp } from "../../help/HelpContext";
import { ArrowLeftIcon, ChevronRightIcon, SearchIcon } from "../Icons";
import "./Help.css";

/** How long typing pauses before the search runs. */
const DEBOUNCE_MS = 120;

type Props = {
  /** The article to open first (from a context link or F1 on a screen). */
  initialArticle?: string;
  /** Opens the first-run setup again (absent where the setup itself shows help). */
  onResumeSetup?: () => void;
};

/**
 * The help centre: a search box (results as you type), the articles by category when it is
 * empty, and the article view. Articles come from Rust as escaped HTML; `help:` links inside open
 * the other article, https links open in the browser.
 */
export function HelpPage({ initialArticle, onResumeSetup }: Props) {
  const help = useHelp();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<HelpHit[] | null>(null);
  const [all, setAll] = useState<HelpArticleSummary[] | null>(null);
  const [article, setArticle] = useState<HelpArticle | null>(null);
  /** Articles opened before this one (the back link returns to them, then to the list). */
  const [history, setHistory] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchSeq = useRef(0);
  const openSeq = useRef(0);

  useEffect(() => {
    helpList().then(setAll, (e) => setError(toApiError(e)));
  }, []);

  // Results update as the user types, after a short pause; a late answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim();
    const seq = ++searchSeq.current;
    if (!q) {
      setHits(null);
      return;
    }
    const timer = window.setTimeout(() => {
      helpSearch(q).then(
        (found) => {
          if (seq === searchSeq.current) setHits(found);
        },
        (e) => setError(toApiError(e)),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  function open(id: string, remember: boolean) {
    const seq = ++openSeq.current;
    setError(null);
    helpArticle(id).then(
      (a) => {
        if (seq !== openSeq.current) return;
        if (remember && article) setHistory((h) => [...h, article.id]);
        setArticle(a);
        document.querySelector(".main-scroll")?.scrollTo?.(0, 0);
      },
      (e) => setError(toApiError(e)),
    );
  }

  useEffect(() => {
    if (initialArticle) {
      setHistory([]);
      open(initialArticle, false);
    } else {
      setArticle(null);
    }
    // Only a new initial article reopens the page.
  }, [initialArticle]);

  function back() {
    const previous = history[history.length - 1];
    if (previous) {
      setHistory((h) => h.slice(0, -1));
      open(previous, false);
    } else {
      openSeq.current++;
      setArticle(null);
      window.setTimeout(() => searchRef.current?.focus(), 0);
    }
  }

  function onBodyClick(event: MouseEvent<HTMLDivElement>) {
    const link = (event.target as HTMLElement).closest("a");
    if (!link) return;
    const href = link.getAttribute("href") ?? "";
    event.preventDefault();
    if (href.startsWith("help:")) open(href.slice("help:".length), true);
    else if (href.startsWith("https://")) helpOpenLink(href).catch((e) => setError(toApiError(e)));
  }

  return (
    <section className="help-page" data-testid="help-page" aria-labelledby="help-title">
      <header className="page-header">
        <div>
          <h1 id="help-title" className="page-title">
            Help
          </h1>
          <p className="page-subtitle">How InstaGrowth OS works, offline. Press F1 anywhere to come back here.</p>
        </div>
        <div className="help-header-actions">
          {onResumeSetup ? (
            <button
              type="button"
              className="btn btn-sm"
              data-testid="help-resume-setup"
              title="The six-step setup: licence, AI, branding, first client, import, first audit"
              onClick={onResumeSetup}
            >
              Setup guide
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" data-testid="help-shortcuts" onClick={help.showShortcuts}>
            Keyboard shortcuts
          </button>
        </div>
      </header>

      {error ? (
        <p className="form-error" role="alert" data-testid="help-error">
          {error.message}
        </p>
      ) : null}

      {article ? (
        <article className="help-article" aria-labelledby="help-article-title">
          <button type="button" className="help-back" data-testid="help-back" onClick={back}>
            <ArrowLeftIcon size={14} />
            {history.length > 0 ? "Back" : query.trim() ? "Back to results" : "All articles"}
          </button>
          <p className="help-category">{article.category}</p>
          <h2 id="help-article-title" className="help-article-title" data-testid="help-article-title">
            {article.title}
          </h2>
          <p className="help-article-summary">{article.summary}</p>
          {/* Our own articles, rendered by Rust with any raw HTML escaped. */}
          <div
            className="help-article-body selectable"
            data-testid="help-article-body"
            onClick={onBodyClick}
            dangerouslySetInnerHTML={{ __html: article.html }}
          />
          {article.related.length > 0 ? (
            <nav className="help-related" aria-labelledby="help-related-title" data-testid="help-related">
              <h3 id="help-related-title" className="help-related-title">
                Related
              </h3>
              <ul className="help-list">
                {article.related.map((r) => (
                  <li key={r.id}>
                    <ArticleButton summary={r} onOpen={() => open(r.id, true)} />
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </article>
      ) : (
        <>
          <div className="help-search">
            <SearchIcon size={16} />
            <input
              ref={searchRef}
              type="search"
              className="input help-search-input"
              data-testid="help-search"
              placeholder="Search help: shadowban, import, seats…"
              aria-label="Search help"
              autoFocus
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && hits && hits.length > 0) open(hits[0].id, false);
              }}
            />
          </div>

          {query.trim() ? (
            hits === null ? null : hits.length === 0 ? (
              <p className="help-empty" data-testid="help-no-hits">
                Nothing matches “{query.trim()}”. Try another word, or browse the articles below by clearing the box.
              </p>
            ) : (
              <ul className="help-list help-hits" aria-label="Search results">
                {hits.map((h) => (
                  <li key={h.id}>
                    <button type="button" className="help-item" data-testid="help-hit" onClick={() => open(h.id, false)}>
                      <span className="help-item-text">
                        <span className="help-item-title">{h.title}</span>
                        <span className="help-item-snippet">{h.snippet}</span>
                      </span>
                      <span className="help-item-category">{h.category}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : (
            <Categories all={all} onOpen={(id) => open(id, false)} />
          )}
        </>
      )}
    </section>
  );
}

function Categories({ all, onOpen }: { all: HelpArticleSummary[] | null; onOpen: (id: string) => void }) {
  if (all === null) return <div className="settings-loading" aria-busy="true" aria-label="Loading help" />;
  const groups: Array<{ category: string; articles: HelpArticleSummary[] }> = [];
  for (const a of all) {
    const last = groups[groups.length - 1];
    if (last && last.category === a.category) last.articles.push(a);
    else groups.push({ category: a.category, articles: [a] });
  }
  return (
    <div className="help-categories" data-testid="help-categories">
      {groups.map((g) => (
        <section key={g.category} className="help-category-group" aria-label={g.category}>
          <h2 className="help-category-title">{g.category}</h2>
          <ul className="help-list">
            {g.articles.map((a) => (
              <li key={a.id}>
                <ArticleButton summary={a} onOpen={() => onOpen(a.id)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ArticleButton({ summary, onOpen }: { summary: HelpArticleSummary; onOpen: () => void }) {
  return (
    <button type="button" className="help-item" data-testid="help-article-link" data-id={summary.id} onClick={onOpen}>
      <span className="help-item-text">
        <span className="help-item-title">{summary.title}</span>
        <span className="help-item-snippet">{summary.summary}</span>
      </span>
      <ChevronRightIcon size={14} />
    </button>
  );
}
