import { expect, it } from 'vitest';
import { openTestStore } from '../../test-utils/test-store';
import { deleteContactUsage } from './erase-contact-repo';
import { makeUsageRepo } from './usage-repo';

it('adds up per shop and day, per customer, and erases one customer’s counts only', async () => {
  const store = await openTestStore();
  store.sqlite.exec("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'DZD', 'n'), (2, 'B', 'DZD', 'n')");
  const usage = makeUsageRepo(store.sqlite);
  usage.addTokens(1, 'd1', 10.4);
  usage.addTokens(1, 'd1', 5);
  usage.addTokens(1, 'd2', -3);
  usage.addTokens(2, 'd1', 7);
  expect(usage.shopDay(1, 'd1')).toEqual({ tokens: 15, requests: 2 });
  expect(usage.shopDay(1, 'd2')).toEqual({ tokens: 0, requests: 1 });
  expect(usage.shopDay(2, 'd1')).toEqual({ tokens: 7, requests: 1 });
  expect(usage.shopDay(2, 'd9')).toEqual({ tokens: 0, requests: 0 });
  for (const [shop, contact, day] of [
    [1, 5, 'd1'],
    [1, 5, 'd1'],
    [1, 6, 'd1'],
    [2, 5, 'd1'],
    [1, 5, 'd2'],
  ] as const)
    usage.addContactMessage(shop, contact, day);
  expect([usage.contactMessages(1, 5, 'd1'), usage.contactMessages(1, 6, 'd1'), usage.contactMessages(2, 5, 'd1')]).toEqual([2, 1, 1]);
  deleteContactUsage(store.sqlite, 1, 5);
  expect([usage.contactMessages(1, 5, 'd1'), usage.contactMessages(1, 5, 'd2')]).toEqual([0, 0]);
  expect([usage.contactMessages(1, 6, 'd1'), usage.contactMessages(2, 5, 'd1')]).toEqual([1, 1]);
});
