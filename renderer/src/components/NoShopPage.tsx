import { PageSection } from './PageSection';

/** What a shop's page shows before any shop exists: its title and why it is empty (both in the seller's language). */
export function NoShopPage({ title, message }: { title: string; message: string }) {
  return (
    <PageSection title={title}>
      <p className="muted">{message}</p>
    </PageSection>
  );
}
