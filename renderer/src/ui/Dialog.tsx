import { useEffect, useId, useRef, type ReactNode } from 'react';
import { classNames } from './class-names';

export interface DialogProps {
  open: boolean;
  /** Called for Escape and for the close button: the owner sets `open` to false. */
  onClose: () => void;
  /** Names the dialog for screen readers (aria-labelledby) and heads it. */
  title: ReactNode;
  children?: ReactNode;
  /** The buttons at the bottom; the first one that should have the focus takes `autoFocus`. */
  actions?: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the native <dialog> with showModal(): the browser keeps the focus inside,
 * makes the page behind it inert and closes on Escape; focus goes back to what opened it. The
 * owner's `open` stays the truth: Escape asks `onClose` instead of closing behind its back.
 */
export function Dialog({ open, onClose, title, children, actions, className }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      returnFocus(opener);
    }
  }, [open]);

  // Taken away while open (its page left): the opener gets the focus back all the same.
  useEffect(() => {
    const element = dialog.current;
    return () => {
      if (element?.open) returnFocus(opener);
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={classNames('dialog', className)}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A <form method="dialog"> inside closes it natively: tell the owner.
      onClose={() => {
        if (open) onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {/* Only while open: a closed dialog keeps no half-typed form for next time. */}
      {open && (
        <>
          <div className="dialog-body">{children}</div>
          {actions && <div className="dialog-actions">{actions}</div>}
        </>
      )}
    </dialog>
  );
}

function returnFocus(opener: { current: HTMLElement | null }) {
  const target = opener.current;
  opener.current = null;
  if (target?.isConnected) target.focus();
}
