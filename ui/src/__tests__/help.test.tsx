import { fireEvent } from "@testing-library/react";
import type { HelpArticle, HelpArticleSummary, HelpHit } from "../bindings";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, screen, waitFor, within } from "../test/render";

const SUMMARIES: HelpArticleSummary[] = [
  {
    id: "getting-client-data",
    title: "Getting a client's Instagram data",
    category: "Getting started",
    summary: "Ask for the JSON export.",
  },
  { id: "audit-scores", title: "How audit scores are computed", category: "Audits", summary: "The scores." },
  { id: "shadowban-risk", title: "Shadowban risk", category: "Audits", summary: "Recommendation eligibility." },
  { id: "licences-and-seats", title: "Licences and seats", category: "Agency and licence", summary: "Seats." },
];

const HTML: Record<string, string> = {
  "shadowban-risk":
    '<p>An estimate. See <a href="help:audit-scores">how scores are computed</a> and <a href="https://help.instagram.com/">Instagram</a>.</p>',
  "audit-scores": "<p>Engagement rate is (likes + comments) ÷ followers.</p>",
  "getting-client-data": "<p>Choose JSON.</p>",
  "licences-and-seats": "<p>A seat is one computer.</p>",
};

/** The help commands over three articles; search matches titles by substring. */
class HelpBackend extends FakeBackend {
  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    if (cmd === "help_list") return SUMMARIES;
    if (cmd === "help_search") {
      const q = String(args.query).toLowerCase();
      return SUMMARIES.filter((s) => s.title.toLowerCase().includes(q) || s.id.includes(q)).map(
        (s): HelpHit => ({ ...s, snippet: `…${s.summary}…` }),
      );
    }
    if (cmd === "help_article") {
      const s = SUMMARIES.find((x) => x.id === args.id);
      if (!s) throw { code: "not_found", message: `There is no help article "${String(args.id)}".`, field: null };
      const article: HelpArticle = {
        ...s,
        html: HTML[s.id],
        related: SUMMARIES.filter((x) => x.id !== s.id).slice(0, 1),
      };
      return article;
    }
    if (cmd === "help_open_link") return null;
    return super.other(cmd, args);
  }
}

async function openHelpPage() {
  const utils = await renderApp(new HelpBackend());
  await utils.user.click(screen.getByTestId("nav-help"));
  await screen.findByTestId("help-categories");
  return utils;
}

describe("help centre", () => {
  it("lists the articles by category, then shows hits as the user types", async () => {
    const { user, backend } = await openHelpPage();
    const groups = within(screen.getByTestId("help-categories")).getAllByRole("heading");
    expect(groups.map((g) => g.textContent)).toEqual(["Getting started", "Audits", "Agency and licence"]);

    const search = screen.getByTestId("help-search");
    expect(search).toHaveFocus();
    await user.type(search, "shadow");
    const hits = await screen.findAllByTestId("help-hit");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toHaveTextContent("Shadowban risk");
    // Debounced: one search for the whole word typed quickly, not one per key.
    expect(backend.callsOf("help_search").length).toBeLessThan("shadow".length);
    expect(backend.lastCall("help_search")?.args).toEqual({ query: "shadow" });

    await user.clear(search);
    await user.type(search, "zzqxv");
    expect(await screen.findByTestId("help-no-hits")).toHaveTextContent("Nothing matches “zzqxv”");
  });

  it("opens a hit, follows a help: link inside, and goes back", async () => {
    const { user, backend } = await openHelpPage();
    await user.type(screen.getByTestId("help-search"), "shadow");
    await user.click((await screen.findAllByTestId("help-hit"))[0]);
    expect(await screen.findByTestId("help-article-title")).toHaveTextContent("Shadowban risk");
    const body = screen.getByTestId("help-article-body");
    expect(body).toHaveTextContent("An estimate.");

    await user.click(within(body).getByText("how scores are computed"));
    await waitFor(() =>
      expect(screen.getByTestId("help-article-title")).toHaveTextContent("How audit scores are computed"),
    );
    expect(backend.lastCall("help_article")?.args).toEqual({ id: "audit-scores" });

    await user.click(screen.getByTestId("help-back"));
    await waitFor(() => expect(screen.getByTestId("help-article-title")).toHaveTextContent("Shadowban risk"));

    // An https link goes to the browser through the app, never inside the window.
    await user.click(within(screen.getByTestId("help-article-body")).getByText("Instagram"));
    await waitFor(() =>
      expect(backend.lastCall("help_open_link")?.args).toEqual({ url: "https://help.instagram.com/" }),
    );

    await user.click(screen.getByTestId("help-back"));
    expect(await screen.findByTestId("help-search")).toHaveValue("shadow");
    expect(screen.getAllByTestId("help-hit")).toHaveLength(1);
  });

  it("opens the keyboard shortcuts with Ctrl+/ and the help centre with F1", async () => {
    const { user } = await renderApp(new HelpBackend());
    await user.keyboard("{Control>}/{/Control}");
    const dialog = await screen.findByTestId("shortcuts-dialog");
    const keys = within(dialog).getAllByTestId("shortcut").map((r) => r.textContent);
    expect(keys).toContain("Ctrl+NNew client");
    expect(keys).toContain("F1Open Help");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("shortcuts-dialog")).not.toBeInTheDocument());

    fireEvent.keyDown(window, { key: "F1" });
    expect(await screen.findByTestId("help-page")).toBeInTheDocument();
    expect(screen.getByTestId("nav-help")).toHaveAttribute("aria-current", "page");
  });

  it("opens the shortcuts from the help page", async () => {
    const { user } = await openHelpPage();
    await user.click(screen.getByTestId("help-shortcuts"));
    expect(await screen.findByTestId("shortcuts-dialog")).toBeInTheDocument();
  });

  it("a context link opens its article", async () => {
    const { user } = await renderApp(new HelpBackend());
    await user.click(screen.getByTestId("nav-license"));
    const link = await screen.findByRole("button", { name: /Licences and seats explained/ });
    await user.click(link);
    expect(await screen.findByTestId("help-article-title")).toHaveTextContent("Licences and seats");
    expect(screen.getByTestId("help-article-body")).toHaveTextContent("A seat is one computer.");
  });
});
