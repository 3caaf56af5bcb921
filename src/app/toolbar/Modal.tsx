/**
 * A modal dialog on the native <dialog> element: focus is kept inside, Escape and a click on
 * the backdrop close it, and the page behind is inert while it is open. The element marked
 * `data-autofocus` gets the focus when it opens (the choice that loses nothing).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './toolbar.css';

export function Modal(props: {
  open: boolean;
  onClose(): void;
  /** id of the element naming the dialog */
  labelledBy: string;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const { open, onClose, labelledBy, testId, className, children } = props;
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // showModal focuses the first focusable element; the safe choice is marked instead
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // the dialog element itself is only hit outside its content: the backdrop
        if (e.target === ref.current) onClose();
      }}
    >
      {open && <div className="modal__content">{children}</div>}
    </dialog>
  );
}
