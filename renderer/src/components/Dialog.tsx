import { type ReactNode, useEffect, useRef } from 'react';
import './dialog.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves into it, Tab stays inside, Esc closes it, and focus returns to what
 * opened it. (Small on purpose; the shared dialog component of the UX work can replace it.)
 */
export function Dialog(props: { labelledBy: string; onClose: () => void; className?: string; children: ReactNode }) {
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
    const [head, tail] = [items[0], items.at(-1)];
    if (!head || !tail) return;
    if (e.shiftKey && document.activeElement === head) {
      e.preventDefault();
      tail.focus();
    } else if (!e.shiftKey && document.activeElement === tail) {
      e.preventDefault();
      head.focus();
    }
  };
  return (
    <div className="dialog-backdrop" onKeyDown={onKeyDown}>
      <div ref={box} className={`dialog-card ${props.className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={props.labelledBy}>
        {props.children}
      </div>
    </div>
  );
}
