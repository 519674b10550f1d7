import type { CallInput, CallName, Envelope, ErrorCode } from '../shared/contract';

/**
 * One valid example input for every contract call: the single place to add one when you add a
 * call (a call without an entry fails typecheck). tests/contract-transports.test.ts sends each
 * of them over both transports (Electron IPC and HTTP) to a real core.
 *
 * Examples may use the ids `setupExamples` creates through the contract itself.
 */
export interface ExampleIds {
  shopId: number;
  /** A second shop that nothing else touches (for calls that must see an untouched shop). */
  otherShopId: number;
  accountId: number;
  conversationId: number;
  contactId: number;
  /** A customer message (inbound). */
  messageId: number;
  /** Two replies the bot drafted in approval mode: one to approve, one to reject. */
  draftToApproveId: number;
  draftToRejectId: number;
  quickReplyId: number;
  /** A WhatsApp number being linked (the test's socket never connects), and a second one to cancel and remove. */
  waAccountId: number;
  waDisposableAccountId: number;
  /** A third number being linked, for wa/remove (link-cancel forgets a never-linked number). */
  waRemovableAccountId: number;
  /** The test phone number that wrote to the shop. */
  customerPhone: string;
}

type Examples = { [K in CallName]: (ids: ExampleIds) => CallInput<K> };

export const contractExamples: Examples = {
  'system/ping': () => ({ echo: 'hello' }),
  'system/get-info': () => ({}),
  'system/get-storage-status': () => ({}),
  'system/get-ui-locale': () => ({}),
  'system/set-ui-locale': () => ({ locale: 'ar' }),
  'system/get-setup': () => ({}),
  'system/set-setup': ({ shopId }) => ({ progress: { status: 'active', step: 'catalog', shopId } }),

  'shops/list': () => ({}),
  'shops/create': () => ({ name: 'Boutique Amina', currency: 'DZD' }),
  'shops/rename': ({ otherShopId }) => ({ shopId: otherShopId, name: 'Boutique Amina 2' }),
  'shops/set-country': ({ shopId }) => ({ shopId, country: 'MA' }),
  'shops/set-currency': ({ shopId }) => ({ shopId, currency: 'DZD' }),

  'accounts/list': ({ shopId }) => ({ shopId }),

  'conversations/list': ({ shopId }) => ({ shopId, limit: 20 }),
  'conversations/list-messages': ({ shopId, conversationId }) => ({ shopId, conversationId }),
  'conversations/reply': ({ shopId, conversationId }) => ({ shopId, conversationId, text: 'Bonjour, oui il est disponible.' }),
  'conversations/set-takeover': ({ shopId, conversationId }) => ({ shopId, conversationId, takeover: true }),
  'conversations/set-status': ({ shopId, conversationId }) => ({ shopId, conversationId, status: 'resolved' }),
  'conversations/mark-read': ({ shopId, conversationId }) => ({ shopId, conversationId }),

  'drafts/approve': ({ shopId, draftToApproveId }) => ({ shopId, messageId: draftToApproveId, text: 'Oui, livraison en 48 h.' }),
  'drafts/reject': ({ shopId, draftToRejectId }) => ({ shopId, messageId: draftToRejectId }),
  'contacts/set-blocked': ({ shopId, contactId }) => ({ shopId, contactId, blocked: true }),
  // Last in contract order (it erases the example customer).
  'contacts/delete': ({ shopId, contactId }) => ({ shopId, contactId }),
  'quick-replies/list': ({ shopId }) => ({ shopId }),
  'quick-replies/save': ({ shopId, quickReplyId }) => ({
    shopId,
    id: quickReplyId,
    name: 'livraison',
    text: 'Livraison 58 wilayas, 400 DA.',
  }),
  'quick-replies/delete': ({ shopId, quickReplyId }) => ({ shopId, id: quickReplyId }),
  // A 1×1 PNG from the reply bar.
  'conversations/reply-photo': ({ shopId, conversationId }) => ({
    shopId,
    conversationId,
    mime: 'image/png',
    dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    caption: 'Voilà la photo',
  }),
  'messages/read-media': ({ shopId, messageId }) => ({ shopId, messageId }),
  'testphone/send': ({ shopId }) => ({ shopId, from: '+213550000002', text: 'Salam, 3andkom had robe?' }),
  'testphone/get-thread': ({ shopId, customerPhone }) => ({ shopId, from: customerPhone }),

  // WhatsApp: setup starts linking two numbers (the test's socket never connects); one is cancelled and removed.
  'wa/start-link': ({ shopId }) => ({ shopId, method: 'pairing-code', phone: '+213 550 12 34 56', label: 'Boutique 2' }),
  'wa/cancel-link': ({ shopId, waDisposableAccountId }) => ({ shopId, accountId: waDisposableAccountId }),
  'wa/connect': ({ shopId, waAccountId }) => ({ shopId, accountId: waAccountId }),
  'wa/disconnect': ({ shopId, waAccountId }) => ({ shopId, accountId: waAccountId }),
  'wa/remove': ({ shopId, waRemovableAccountId }) => ({ shopId, accountId: waRemovableAccountId }),
  'wa/get-overview': ({ shopId }) => ({ shopId }),
  'wa/get-answer-policy': ({ shopId, waAccountId }) => ({ shopId, accountId: waAccountId }),
  'wa/set-answer-policy': ({ shopId, waAccountId }) => ({ shopId, accountId: waAccountId, mode: 'not_excluded', catchUpMaxHours: 12 }),
  'wa/set-excluded': ({ shopId, waAccountId }) => ({
    shopId,
    accountId: waAccountId,
    contacts: [{ jid: '+213 661 00 00 00', name: 'Maman' }],
  }),
  'wa/list-contacts': ({ shopId, waAccountId }) => ({ shopId, accountId: waAccountId, query: 'a' }),

  'settings/get': ({ shopId }) => ({ shopId }),
  'settings/update': ({ shopId }) => ({ shopId, patch: { sales: { intensity: 'gentle', maxDiscountPercent: 10 } } }),
  'settings/list-llm-presets': () => ({}),
  // Port 9 (discard) on loopback refuses at once: the call answers ok:false in plain words.
  'settings/test-llm': ({ shopId }) => ({ shopId, baseUrl: 'http://127.0.0.1:9/v1', model: 'test-model', apiKey: 'sk-example-not-a-key' }),
  'settings/get-llm-usage': ({ shopId }) => ({ shopId }),
  'settings/get-llm-health': ({ shopId }) => ({ shopId }),
  'guardrails/list-violations': ({ shopId }) => ({ shopId, limit: 20 }),

  'catalog/list': ({ shopId }) => ({ shopId, query: 'robe rouge', limit: 10 }),
  'catalog/get': ({ shopId }) => ({ shopId, productId: 999_999 }),
  'catalog/list-categories': ({ shopId }) => ({ shopId }),
  'catalog/preview-import': ({ shopId }) => ({ shopId, csv: 'sku,name,price,stock\nEX-1,Robe rouge,6500,3\n', limit: 5 }),
  'catalog/commit-import': ({ shopId }) => ({ shopId, csv: 'sku,name,price,stock\nEX-1,Robe rouge,6500,3\nEX-2,Sac noir,4500,\n' }),
  'catalog/export-csv': ({ shopId }) => ({ shopId }),
  'catalog/update-product': ({ shopId }) => ({ shopId, productId: 999_999, price: 6000, stock: null }),
  'catalog/delete-product': ({ shopId }) => ({ shopId, productId: 999_999 }),
  'catalog/set-product-image': ({ shopId }) => ({
    shopId,
    productId: 999_999,
    imageBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  }),
  'catalog/get-product-image': ({ shopId }) => ({ shopId, productId: 999_999 }),
  'catalog/create-product': ({ shopId }) => ({
    shopId,
    name: 'Jebba kabyle',
    price: 9800,
    stock: 2,
    variants: [{ name: 'M', sku: 'EX-JB-M', price: null, stock: 2 }],
  }),
  'catalog/duplicate-product': ({ shopId }) => ({ shopId, productId: 999_999 }),
  'catalog/archive-product': ({ shopId }) => ({ shopId, productId: 999_999, archived: true }),
  'catalog/bulk-update': ({ shopId }) => ({ shopId, productIds: [999_999], price: { percent: -10 } }),
  'catalog/restore-product': ({ shopId }) => ({
    shopId,
    product: {
      id: 999_998,
      shopId,
      sku: 'EX-RESTORED',
      name: 'Sac restauré',
      altNames: [],
      aliases: [],
      category: '',
      price: 100,
      compareAtPrice: null,
      currency: 'DZD',
      stock: null,
      variants: [],
      images: [],
      description: '',
      upsellSkus: [],
      archivedAt: null,
    },
  }),
  'knowledge/list': ({ shopId }) => ({ shopId }),
  'knowledge/save': ({ shopId }) => ({
    shopId,
    question: 'Quels sont les délais de livraison ?',
    answer: '48 h à Alger.',
    keywords: ['livraison', 'tawsil'],
  }),
  'knowledge/set-status': ({ shopId }) => ({ shopId, id: 999_999, status: 'dismissed' }),
  'knowledge/delete': ({ shopId }) => ({ shopId, id: 999_999 }),
  'knowledge/ask': ({ shopId }) => ({ shopId, question: 'délai de livraison ?' }),
  'knowledge/try': ({ shopId }) => ({ shopId, question: 'vous livrez à Oran ?' }),
  'knowledge/list-documents': ({ shopId }) => ({ shopId }),
  'knowledge/add-document': ({ shopId }) => ({
    shopId,
    name: 'livraison.txt',
    contentBase64: Buffer.from('Livraison en 48 heures dans les grandes villes.').toString('base64'),
  }),
  'knowledge/delete-document': ({ shopId }) => ({ shopId, id: 999_999 }),

  // No contract call creates an order (customers do, through the bot), so these ask for one that does not exist.
  'orders/list': ({ shopId }) => ({ shopId, limit: 10 }),
  'orders/get': ({ shopId }) => ({ shopId, orderId: 999_999 }),
  'orders/set-status': ({ shopId }) => ({ shopId, orderId: 999_999, status: 'confirmed' }),
  'orders/export-csv': ({ shopId }) => ({ shopId }),
  'learning/get-overview': ({ shopId }) => ({ shopId }),
  'learning/learn-now': ({ shopId }) => ({ shopId }),
  'profiles/get': ({ shopId, contactId }) => ({ shopId, contactId }),
  'profiles/update': ({ shopId, contactId }) => ({ shopId, contactId, patch: { name: 'Amina' } }),
  'learning/list-opt-outs': ({ shopId }) => ({ shopId }),
  'learning/opt-in': ({ shopId, contactId }) => ({ shopId, contactId }),
  'jobs/list-failures': () => ({}),
  'jobs/retry': () => ({ id: 999_999 }),
  'analytics/get-overview': ({ shopId }) => ({ shopId, from: '2026-03-01', to: '2026-03-30' }),
  'analytics/export': ({ shopId }) => ({ shopId, kind: 'metrics', from: '2026-03-01', to: '2026-03-30' }),

  'desktop/get-prefs': () => ({}),
  'desktop/update-prefs': () => ({
    patch: { keepAwake: false, notifications: { kinds: { order: false }, quietHours: { from: '22:00', to: '08:00' } } },
  }),
  'desktop/get-backup-status': () => ({}),
  // No folder chosen yet: the status answers that the backup failed, and why.
  'desktop/run-backup': () => ({}),
  'desktop/restore-backup': () => ({
    backupDir: '/nonexistent/souqbot-backup-x',
    targetDir: '/nonexistent/souqbot-restored',
    passphrase: 'sel et poivre',
  }),
  'desktop/export-diagnostics': () => ({}),
  'desktop/get-update-status': () => ({}),
  'desktop/restart-to-update': () => ({}),
  'desktop/pick-folder': () => ({ purpose: 'backup' }),

  'sync/get-status': () => ({}),
  'sync/configure': () => ({ enabled: false, relayUrl: 'ws://127.0.0.1:9/relay' }),
  // Sync is off in the examples (nothing may leave the computer in a test): pairing says so.
  'sync/start-pairing': () => ({}),
  'sync/unpair': () => ({ deviceId: 999 }),
};

/**
 * Calls whose example is valid but meets a precondition no contract call can create: the error
 * code they must answer with. Everything not listed must answer `ok: true`.
 */
export const expectedErrors: Partial<Record<CallName, ErrorCode>> = {
  'catalog/get': 'not_found',
  'catalog/update-product': 'not_found',
  'catalog/duplicate-product': 'not_found',
  'catalog/archive-product': 'not_found',
  'catalog/set-product-image': 'not_found',
  'knowledge/set-status': 'not_found',
  'orders/get': 'not_found',
  // The example customer was erased by contacts/delete, which runs first: there is no one left to edit.
  'profiles/update': 'not_found',
  'orders/set-status': 'not_found',
  // The example message is a customer's text: it has no stored media.
  'messages/read-media': 'not_found',
  // Reconnecting needs a number that finished linking, which needs WhatsApp (the stand-in tests cover it).
  'wa/connect': 'conflict',
  // Restoring needs a backup folder, which no contract call writes to a known place.
  'desktop/restore-backup': 'conflict',
  'sync/start-pairing': 'conflict',
  'sync/unpair': 'not_found',
};

export type Send = (name: CallName, input: unknown) => Promise<Envelope<unknown>>;

async function value<T>(send: Send, name: CallName, input: unknown): Promise<T> {
  const envelope = await send(name, input);
  if (!envelope.ok) throw new Error(`setup: ${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

/**
 * Creates, through the contract only, what the examples refer to: a shop, a customer
 * conversation on the test phone, two bot drafts (approval mode), a quick reply, two WhatsApp
 * numbers being linked (give core a socket factory that never connects: there is no WhatsApp in
 * tests). `settle` waits until core's pipeline has processed queued messages.
 */
export async function setupExamples(send: Send, settle: () => Promise<void>): Promise<ExampleIds> {
  const shop = await value<{ id: number }>(send, 'shops/create', { name: 'Souq Test', currency: 'DZD' });
  const other = await value<{ id: number }>(send, 'shops/create', { name: 'Other shop', currency: 'EUR' });
  const shopId = shop.id;
  await value(send, 'settings/update', { shopId, patch: { bot: { approvalMode: true } } });

  const customerPhone = '+213550000001';
  const first = await value<{ conversationId: number; messageId: number }>(send, 'testphone/send', {
    shopId,
    from: customerPhone,
    text: 'Salam, bghit nchri robe',
  });
  await settle();
  const second = await value<{ conversationId: number }>(send, 'testphone/send', {
    shopId,
    from: '+213550000003',
    text: 'Bonjour, le prix svp ?',
  });
  await settle();

  const draftIn = async (conversationId: number) => {
    const messages = await value<{ id: number; status: string }[]>(send, 'conversations/list-messages', { shopId, conversationId });
    const draft = messages.find((m) => m.status === 'draft');
    if (!draft) throw new Error(`setup: the bot drafted no reply in conversation ${conversationId} in approval mode`);
    return draft.id;
  };
  const draftToApproveId = await draftIn(first.conversationId);
  const draftToRejectId = await draftIn(second.conversationId);
  await value(send, 'settings/update', { shopId, patch: { bot: { approvalMode: false } } });

  const page = await value<{ items: { id: number; contactId: number; accountId: number }[] }>(send, 'conversations/list', { shopId });
  const conversation = page.items.find((c) => c.id === first.conversationId);
  if (!conversation) throw new Error('setup: the test-phone conversation is not listed');
  const quickReply = await value<{ id: number }>(send, 'quick-replies/save', {
    shopId,
    name: 'prix',
    text: 'Le prix est indiqué sur la photo.',
  });
  const wa = await value<{ accountId: number }>(send, 'wa/start-link', { shopId, method: 'qr' });
  const waDisposable = await value<{ accountId: number }>(send, 'wa/start-link', { shopId, method: 'qr', label: 'Spare' });
  const waRemovable = await value<{ accountId: number }>(send, 'wa/start-link', { shopId, method: 'qr', label: 'Old phone' });

  return {
    shopId,
    otherShopId: other.id,
    accountId: conversation.accountId,
    conversationId: first.conversationId,
    contactId: conversation.contactId,
    messageId: first.messageId,
    draftToApproveId,
    draftToRejectId,
    quickReplyId: quickReply.id,
    waAccountId: wa.accountId,
    waDisposableAccountId: waDisposable.accountId,
    waRemovableAccountId: waRemovable.accountId,
    customerPhone,
  };
}
