import { expect, it } from 'vitest';
import { openTestStore } from '../../test-utils/test-store';
import { makeSentPhotosRepo } from './sent-photos-repo';

it('reads the photos the shop sent in one conversation: outgoing rows with media only', async () => {
  const store = await openTestStore();
  store.sqlite.exec(`
    INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'DZD', 'n');
    INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 'a', 'connected', 'n');
    INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (1, 1, 'a@s', 'n'), (2, 1, 'b@s', 'n');
    INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 1, 'n'), (2, 1, 1, 2, 'n');
  `);
  const message = store.sqlite.prepare(
    "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, meta, created_at) VALUES (1, 1, ?, ?, ?, 't', 's', ?, 'n')",
  );
  const media = (url: string) => JSON.stringify({ media: [{ url }] });
  message.run(1, 'out', 'bot', media('https://x/sent.jpg'));
  message.run(1, 'out', 'bot', null);
  message.run(1, 'out', 'bot', JSON.stringify({ media: [] }));
  message.run(1, 'in', 'customer', media('https://x/customer.jpg'));
  message.run(2, 'out', 'bot', media('https://x/other-conversation.jpg'));
  expect([...makeSentPhotosRepo(store.sqlite).sentIn(1)]).toEqual(['https://x/sent.jpg']);
  expect([...makeSentPhotosRepo(store.sqlite).sentIn(3)]).toEqual([]);
});
