import { useLayoutEffect, useRef, useState, type RefObject } from "react";

/**
 * The rendered width of an element in CSS pixels, kept current with a ResizeObserver, so SVG
 * charts can draw at their real size and keep text crisp. `fallback` until it has been measured
 * (and in test environments that lay nothing out).
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.clientWidth);
      // A hidden tab measures 0: keep the last width until it shows again.
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return [ref, width];
}
