/** A page whose feature has not landed yet: says so plainly instead of faking it. */
export function PagePlaceholder({ title, body }: { title: string; body: string }) {
  return (
    <section className="page page-placeholder" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="muted">{body}</p>
    </section>
  );
}
