import { getBinaryNodeChild, getBinaryNodeChildren, type BinaryNode } from '@whiskeysockets/baileys';
import { bundleUserNode, mergeUpload, parseKeyUpload, takeBundle } from './key-bundles';
import { deviceKey, resolveParty, type LinkedDevice, type World } from './world';

/**
 * Answers to the iqs a logged-in companion sends. Anything not modelled gets an empty `result`,
 * which is what most of WhatsApp's set-iqs return; the modelled ones carry the data Baileys reads.
 */

const result = (iq: BinaryNode, content?: BinaryNode[]): BinaryNode => ({
  tag: 'iq',
  attrs: { from: 's.whatsapp.net', type: 'result', id: iq.attrs.id ?? '' },
  ...(content ? { content } : {}),
});

const errorResult = (iq: BinaryNode, code: number, text: string): BinaryNode => ({
  tag: 'iq',
  attrs: { from: 's.whatsapp.net', type: 'error', id: iq.attrs.id ?? '' },
  content: [{ tag: 'error', attrs: { code: `${code}`, text } }],
});

/** Devices the server lists for a user: customers have their phone (0); sellers their linked companions. */
const devicesOf = (world: World, jid: string): { id: number; keyIndex: number }[] => {
  const party = resolveParty(world, jid);
  if (!party) return [];
  if (party.kind === 'customer') return [{ id: 0, keyIndex: 0 }];
  return [...world.linked.values()].filter((d) => d.phoneNumber === party.pnUser).map((d) => ({ id: d.deviceId, keyIndex: d.keyIndex }));
};

const lidOf = (world: World, jid: string): string | null => {
  const party = resolveParty(world, jid);
  if (!party) return null;
  return `${party.kind === 'customer' ? party.customer.lidUser : party.phone.lidUser}@lid`;
};

const usyncAnswer = (world: World, iq: BinaryNode): BinaryNode => {
  const usync = getBinaryNodeChild(iq, 'usync');
  const queryNode = getBinaryNodeChild(usync, 'query');
  const protocols = Array.isArray(queryNode?.content) ? queryNode.content.map((n) => n.tag) : [];
  const users = getBinaryNodeChildren(getBinaryNodeChild(usync, 'list'), 'user').map((userNode) => {
    const jid =
      userNode.attrs.jid ?? `${(getBinaryNodeChild(userNode, 'contact')?.content ?? '').toString().replace('+', '')}@s.whatsapp.net`;
    const known = resolveParty(world, jid) !== null;
    const content: BinaryNode[] = [];
    for (const protocol of protocols) {
      if (protocol === 'devices') {
        content.push({
          tag: 'devices',
          attrs: {},
          content: [
            {
              tag: 'device-list',
              attrs: {},
              content: devicesOf(world, jid).map((d): BinaryNode => ({
                tag: 'device',
                attrs: d.id === 0 ? { id: '0' } : { id: `${d.id}`, 'key-index': `${d.keyIndex}` },
              })),
            },
          ],
        });
      } else if (protocol === 'contact') {
        content.push({ tag: 'contact', attrs: { type: known ? 'in' : 'out' } });
      } else if (protocol === 'lid') {
        const lid = lidOf(world, jid);
        if (lid) content.push({ tag: 'lid', attrs: { val: lid } });
      }
    }
    return { tag: 'user', attrs: { jid }, content };
  });
  return result(iq, [
    {
      tag: 'usync',
      attrs: { sid: usync?.attrs.sid ?? '', index: '0', last: 'true' },
      content: [
        { tag: 'result', attrs: {} },
        { tag: 'list', attrs: {}, content: users },
      ],
    },
  ]);
};

const encryptAnswer = (world: World, iq: BinaryNode, device: LinkedDevice | undefined): BinaryNode => {
  const key = device ? deviceKey(device.phoneNumber, device.deviceId) : null;
  if (iq.attrs.type === 'set' && getBinaryNodeChild(iq, 'list')) {
    if (!key) return errorResult(iq, 401, 'not-authorized');
    try {
      world.bundles.set(key, mergeUpload(world.bundles.get(key), parseKeyUpload(iq)));
    } catch (error) {
      return errorResult(iq, 400, (error as Error).message);
    }
    return result(iq);
  }
  if (getBinaryNodeChild(iq, 'count')) {
    const count = key ? (world.bundles.get(key)?.preKeys.size ?? 0) : 0;
    return result(iq, [{ tag: 'count', attrs: { value: `${count}` } }]);
  }
  if (getBinaryNodeChild(iq, 'digest')) {
    const bundle = key ? world.bundles.get(key) : undefined;
    if (!bundle) return errorResult(iq, 404, 'item-not-found');
    return result(iq, [{ tag: 'digest', attrs: {}, content: [{ tag: 'registration', attrs: {}, content: Buffer.from([0]) }] }]);
  }
  const keyNode = getBinaryNodeChild(iq, 'key');
  if (keyNode) {
    const list: BinaryNode[] = [];
    for (const userNode of getBinaryNodeChildren(keyNode, 'user')) {
      const jid = userNode.attrs.jid ?? '';
      const party = resolveParty(world, jid);
      const bundle = party ? world.bundles.get(deviceKey(party.pnUser, party.device)) : undefined;
      // An unknown device is left out rather than errored: Baileys refuses the whole answer on one error.
      if (bundle) list.push(bundleUserNode(jid, takeBundle(bundle)));
    }
    return result(iq, [{ tag: 'list', attrs: {}, content: list }]);
  }
  return result(iq);
};

/** Returns the answer to an iq from `device` (undefined before login). */
export const answerIq = (world: World, iq: BinaryNode, device: LinkedDevice | undefined): BinaryNode => {
  switch (iq.attrs.xmlns) {
    case 'encrypt':
      return encryptAnswer(world, iq, device);
    case 'usync':
      return usyncAnswer(world, iq);
    case 'w:m':
      // Where to upload media (Baileys' refreshMediaConn): the loopback HTTPS host when a test runs one.
      if (!world.mediaHost || !getBinaryNodeChild(iq, 'media_conn')) return result(iq);
      return result(iq, [
        {
          tag: 'media_conn',
          attrs: { auth: 'standin-auth', ttl: '3600' },
          content: [{ tag: 'host', attrs: { hostname: world.mediaHost } }],
        },
      ]);
    case 'privacy':
      // The account's privacy settings (Baileys' fetchPrivacySettings, asked before its first read receipt): WhatsApp's
      // defaults, read receipts on, so a receipt goes as 'read' (blue ticks), not 'read-self'.
      return result(iq, [{ tag: 'privacy', attrs: {}, content: [{ tag: 'category', attrs: { name: 'readreceipts', value: 'all' } }] }]);
    default:
      return result(iq);
  }
};
