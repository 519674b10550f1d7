import { useEffect } from 'react';
import { useStore } from 'zustand';
import { strings } from '../../features/shell/i18n';
import { useT } from '../../i18n/use-t';
import { useServices } from '../services-context';
import type { NoticeToast } from './notice-toasts';
import './notices.css';

const SHOWN_MS = 12_000;

function Toast({ toast, onDismiss }: { toast: NoticeToast; onDismiss: () => void }) {
  const t = useT(strings);
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <li className="notice-toast" data-testid="notice-toast" data-kind={toast.kind}>
      <a href={toast.href} onClick={onDismiss} data-testid="notice-toast-open">
        <strong dir="auto">{toast.title}</strong>
        <span dir="auto">{toast.body}</span>
      </a>
      <button type="button" aria-label={t('noticeClose')} onClick={onDismiss}>
        ×
      </button>
    </li>
  );
}

/** The desk model's notices inside the app, on every page; a click opens the conversation or page it is about. */
export function NoticeToasts() {
  const t = useT(strings);
  const { noticeToasts } = useServices();
  const toasts = useStore(noticeToasts, (s) => s.toasts);
  const { dismiss } = noticeToasts.getState();
  return (
    <ol className="notice-toasts" aria-label={t('noticesLabel')} aria-live="polite">
      {toasts.map((toast) => (
        <Toast key={toast.id} toast={toast} onDismiss={() => dismiss(toast.id)} />
      ))}
    </ol>
  );
}
