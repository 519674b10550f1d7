import type { ReactNode } from 'react';

/** A page of the app: a section named by its one heading (`#page-title`), the page's own class beside `page`. */
export function PageSection({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `page ${className}` : 'page'} aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {children}
    </section>
  );
}
