import { act } from "@testing-library/react";
import { FakeBackend } from "../test/fakeBackend";
import { renderApp, row, screen, waitFor, within } from "../test/render";
import { exportOf } from "../test/sampleData";

// Tauri's webview drag-drop event does not exist in jsdom: the hook is replaced by one the test
// drives.
const drop = vi.hoisted(() => ({
  onDrop: null as ((paths: string[]) => void) | null,
  dragging: false,
  rerender: null as (() => void) | null,
}));

vi.mock("../hooks/useFileDrop", async () => {
  const { useReducer } = await import("react");
  return {
    useFileDrop: (onDrop: (paths: string[]) => void) => {
      const [, force] = useReducer((n: number) => n + 1, 0);
      drop.onDrop = onDrop;
      drop.rerender = force;
      return { dragging: drop.dragging };
    },
  };
});

function setDragging(value: boolean) {
  drop.dragging = value;
  act(() => drop.rerender?.());
}

const PARTS = ["/home/me/Desktop/instagram-zoe.fit-1.zip", "/home/me/Desktop/instagram-zoe.fit-2.zip"];

async function openZoe(backend: FakeBackend) {
  const utils = await renderApp(backend);
  await utils.user.click(row("zoe.fit"));
  await screen.findByTestId("client-title");
  return utils;
}

describe("file drop", () => {
  beforeEach(() => {
    drop.onDrop = null;
    drop.dragging = false;
  });

  it("highlights the drop zone while dragging and imports the dropped paths", async () => {
    const backend = new FakeBackend([{ name: "Zoe Fitness", handle: "zoe.fit" }])
      .addFile(PARTS[0], exportOf("zoe.fit", 6))
      .addFile(PARTS[1], { posts: [], files: 1 });
    const { user } = await openZoe(backend);
    // On the profile tab, dragging files over the window brings the Data tab forward.
    await user.click(screen.getByTestId("client-tab-profile"));
    expect(screen.getByTestId("import-dropzone")).not.toBeVisible();
    expect(screen.getByTestId("import-dropzone")).toHaveAttribute("data-dragging", "false");

    setDragging(true);

    expect(screen.getByTestId("client-tab-data")).toHaveAttribute("aria-selected", "true");
    const zone = screen.getByTestId("import-dropzone");
    expect(zone).toBeVisible();
    expect(zone).toHaveAttribute("data-dragging", "true");
    expect(zone).toHaveClass("is-dragging");
    expect(zone).toHaveTextContent("Drop to import for @zoe.fit");

    drop.dragging = false;
    act(() => drop.onDrop!(PARTS));

    const summary = await screen.findByTestId("import-summary");
    expect(within(summary).getByTestId("summary-added")).toHaveTextContent("6");
    expect(screen.getByTestId("import-dropzone")).toHaveAttribute("data-dragging", "false");
    const runs = backend.callsOf("import_run");
    expect(runs).toHaveLength(1);
    expect(runs[0].args).toMatchObject({ key: backend.byHandle("zoe.fit")!.id, paths: PARTS, force: false });
  });

  it("ignores drops while a dialog is open", async () => {
    const backend = new FakeBackend([{ name: "Zoe Fitness", handle: "zoe.fit" }]).addFile(PARTS[0], exportOf("zoe.fit", 2));
    const { user } = await openZoe(backend);
    await user.click(screen.getByTestId("manual-open"));
    expect(screen.getByRole("dialog")).toBeInTheDocument();

    act(() => drop.onDrop!([PARTS[0]]));

    await waitFor(() => expect(screen.getByRole("dialog")).toBeInTheDocument());
    expect(backend.callsOf("import_run")).toHaveLength(0);
  });
});
