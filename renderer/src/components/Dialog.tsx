import { type ReactNode, useEffect, useRef } from 'react';
import { FOCUSABLE, trapTarget } from './focus-trap';
import './dialog.css';

/**
 * A modal dialog: focus moves into it, Tab stays inside, Esc closes it, and focus returns to what
 * opened it. The one dialog of the app (product editor, delete, import, quick replies).
 */
export function Dialog(props: { labelledBy: string; onClose: () => void; className?: string; testId?: string; children: ReactNode }) {
  const { onClose } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => opener?.focus();
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = trapTarget(items, active, e.shiftKey);
    if (target) {
      e.preventDefault();
      target.focus();
    }
  };
  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div ref={box} className={`dialog-card ${props.className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={props.labelledBy} data-testid={props.testId}>
        {props.children}
      </div>
    </div>
  );
}
