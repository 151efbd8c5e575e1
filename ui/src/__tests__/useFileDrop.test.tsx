import { act, renderHook } from "@testing-library/react";
import { useFileDrop } from "../hooks/useFileDrop";

type Handler = (event: { payload: { type: string; paths?: string[] } }) => void;

const webview = vi.hoisted(() => ({
  handler: null as Handler | null,
  unlisten: vi.fn(),
  fail: false,
}));

vi.mock("@tauri-apps/api/webview", () => ({
  getCurrentWebview: () => {
    if (webview.fail) throw new TypeError("Cannot read properties of undefined (reading 'currentWebview')");
    return {
      onDragDropEvent: (handler: Handler) => {
        webview.handler = handler;
        return Promise.resolve(webview.unlisten);
      },
    };
  },
}));

describe("useFileDrop", () => {
  beforeEach(() => {
    webview.handler = null;
    webview.unlisten = vi.fn();
    webview.fail = false;
  });

  it("follows Tauri's drag-drop events and hands over the dropped paths", async () => {
    const onDrop = vi.fn();
    const { result, unmount } = renderHook(() => useFileDrop(onDrop));
    await act(async () => {});
    expect(result.current.dragging).toBe(false);

    act(() => webview.handler!({ payload: { type: "enter", paths: ["/a.zip"] } }));
    expect(result.current.dragging).toBe(true);
    act(() => webview.handler!({ payload: { type: "leave" } }));
    expect(result.current.dragging).toBe(false);
    act(() => webview.handler!({ payload: { type: "over" } }));
    expect(result.current.dragging).toBe(true);

    act(() => webview.handler!({ payload: { type: "drop", paths: ["/a.zip", "/b.zip"] } }));
    expect(result.current.dragging).toBe(false);
    expect(onDrop).toHaveBeenCalledWith(["/a.zip", "/b.zip"]);

    unmount();
    expect(webview.unlisten).toHaveBeenCalledTimes(1);
  });

  it("does nothing outside Tauri", () => {
    webview.fail = true;
    const onDrop = vi.fn();
    const { result } = renderHook(() => useFileDrop(onDrop));
    expect(result.current.dragging).toBe(false);
    expect(onDrop).not.toHaveBeenCalled();
  });
});
