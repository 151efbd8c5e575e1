import { useId, useRef, type ReactNode } from "react";
import { useDialogFocus } from "../hooks/useDialogFocus";
import "./Dialog.css";

type Props = {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  size?: "sm" | "lg" | "xl";
  children: ReactNode;
};

/**
 * A modal dialog over a dimmed backdrop. Focuses its first field, keeps focus inside and closes
 * on Escape.
 */
export function Dialog({ title, description, onClose, size = "sm", children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useDialogFocus(ref, onClose);

  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
      >
        <div className="dialog-header">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="dialog-description">
              {description}
            </div>
          ) : null}
        </div>
        {children}
      </div>
    </div>
  );
}
