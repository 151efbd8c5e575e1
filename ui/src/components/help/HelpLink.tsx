import type { ReactNode } from "react";
import { useHelp } from "../../help/HelpContext";
import { HelpIcon } from "../Icons";
import "./Help.css";

type Props = {
  /** The help article's id (a Rust test checks every one in the UI exists). */
  article: string;
  /** The link's text; without it only the "?" shows, labelled by `title`. */
  children?: ReactNode;
  title?: string;
};

/** A small "?" link that opens the help centre on `article`. Renders nothing outside a HelpProvider. */
export function HelpLink({ article, children, title }: Props) {
  const help = useHelp();
  if (!help.available) return null;
  return (
    <button
      type="button"
      className="help-link"
      data-testid="help-link"
      data-help-article={article}
      title={title}
      aria-label={children ? undefined : (title ?? "Help")}
      onClick={() => help.openHelp(article)}
    >
      <HelpIcon size={13} />
      {children ? <span>{children}</span> : null}
    </button>
  );
}
