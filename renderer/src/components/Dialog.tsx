import { type ReactNode, useEffect, useRef } from 'react';
import { FOCUSABLE, trapTarget } from './focus-trap';
import './dialog.css';

/**
 * A modal dialog: focus moves into it, Tab stays inside, Esc closes it, and focus returns to what
 * opened it. The one dialog of the app (product editor, delete, import, quick replies).
 * Keys are read on the window, not the dialog, so Esc and Tab work even when focus was left on
 * the page (a file picker, a click on the backdrop); only the topmost dialog answers.
 */
export function Dialog(props: { labelledBy: string; onClose: () => void; className?: string; testId?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      const dialogs = document.querySelectorAll('[role="dialog"][aria-modal="true"]');
      if (!box.current || dialogs[dialogs.length - 1] !== box.current) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const target = trapTarget(items, active, e.shiftKey);
      if (target) {
        e.preventDefault();
        target.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className={`dialog-card ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        data-testid={props.testId}
      >
        {props.children}
      </div>
    </div>
  );
}
