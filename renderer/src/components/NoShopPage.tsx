/** What a shop's page shows before any shop exists: its title and why it is empty (both in the seller's language). */
export function NoShopPage({ title, message }: { title: string; message: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="muted">{message}</p>
    </section>
  );
}
