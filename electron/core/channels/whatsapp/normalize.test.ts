import { proto } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { normalizeWaMessage } from './normalize';
import { waMessage } from './test-utils/fake-socket';

const CUSTOMER = '213550000001@s.whatsapp.net';
const key = (id: string, extra: Record<string, unknown> = {}) => ({ remoteJid: CUSTOMER, fromMe: false, id, ...extra });
const at = 1_790_000_000;

describe('normalizeWaMessage (payloads built with Baileys protobufs)', () => {
  it('reads plain and extended text, with the quoted message id', () => {
    const plain = normalizeWaMessage(
      waMessage({ key: key('T1'), messageTimestamp: at, pushName: 'Amina', message: { conversation: 'Salam, 3andkom robe?' } }),
    );
    expect(plain).toMatchObject({
      type: 'message',
      kind: 'text',
      text: 'Salam, 3andkom robe?',
      quotedId: null,
      timestamp: at,
      pushName: 'Amina',
      fromMe: false,
    });
    const quoted = normalizeWaMessage(
      waMessage({
        key: key('T2'),
        messageTimestamp: at,
        message: { extendedTextMessage: { text: 'this one', contextInfo: { stanzaId: 'BOT-7', participant: CUSTOMER } } },
      }),
    );
    expect(quoted).toMatchObject({ type: 'message', kind: 'text', text: 'this one', quotedId: 'BOT-7' });
  });

  it('keeps kind, caption and declared size of media', () => {
    const image = normalizeWaMessage(
      waMessage({
        key: key('M1'),
        messageTimestamp: at,
        message: { imageMessage: { caption: 'had l model', mimetype: 'image/jpeg', fileLength: 123456 } },
      }),
    );
    expect(image).toMatchObject({
      type: 'message',
      kind: 'image',
      text: 'had l model',
      media: { kind: 'image', mimetype: 'image/jpeg', fileLength: 123456 },
    });
    const voice = normalizeWaMessage(
      waMessage({
        key: key('M2'),
        messageTimestamp: at,
        message: { audioMessage: { ptt: true, mimetype: 'audio/ogg; codecs=opus', seconds: 4 } },
      }),
    );
    expect(voice).toMatchObject({ type: 'message', kind: 'audio', text: '', media: { kind: 'audio' } });
    const doc = normalizeWaMessage(
      waMessage({
        key: key('M3'),
        messageTimestamp: at,
        message: { documentMessage: { fileName: 'facture.pdf', mimetype: 'application/pdf' } },
      }),
    );
    expect(doc).toMatchObject({ kind: 'document', text: 'facture.pdf', media: { fileName: 'facture.pdf' } });
    const sticker = normalizeWaMessage(
      waMessage({ key: key('M4'), messageTimestamp: at, message: { stickerMessage: { mimetype: 'image/webp' } } }),
    );
    expect(sticker).toMatchObject({ kind: 'sticker' });
    const video = normalizeWaMessage(
      waMessage({ key: key('M5'), messageTimestamp: at, message: { videoMessage: { caption: 'vid', mimetype: 'video/mp4' } } }),
    );
    expect(video).toMatchObject({ kind: 'video', text: 'vid' });
  });

  it('describes locations and contact cards in text', () => {
    const loc = normalizeWaMessage(
      waMessage({
        key: key('L1'),
        messageTimestamp: at,
        message: { locationMessage: { degreesLatitude: 36.75, degreesLongitude: 3.06, name: 'Bab Ezzouar' } },
      }),
    );
    expect(loc).toMatchObject({ kind: 'location', text: 'Bab Ezzouar (36.75,3.06)' });
    const card = normalizeWaMessage(
      waMessage({
        key: key('C1'),
        messageTimestamp: at,
        message: {
          contactMessage: {
            displayName: 'Karim',
            vcard: 'BEGIN:VCARD\nFN:Karim\nTEL;type=CELL;waid=213661000000:+213 661 00 00 00\nEND:VCARD',
          },
        },
      }),
    );
    expect(card).toMatchObject({ kind: 'contact', text: 'Karim +213 661 00 00 00' });
  });

  it('unwraps disappearing and view-once wrappers', () => {
    const m = normalizeWaMessage(
      waMessage({ key: key('E1'), messageTimestamp: at, message: { ephemeralMessage: { message: { conversation: 'ephemeral hi' } } } }),
    );
    expect(m).toMatchObject({ type: 'message', kind: 'text', text: 'ephemeral hi' });
  });

  it('reads group messages with their participant, and the LID alternate from the key', () => {
    const g = normalizeWaMessage(
      waMessage(
        {
          key: { remoteJid: '120363000000000001@g.us', fromMe: false, id: 'G1', participant: '99887766@lid' },
          messageTimestamp: at,
          message: { conversation: 'group hi' },
        },
        { participantAlt: CUSTOMER },
      ),
    );
    expect(g).toMatchObject({
      type: 'message',
      isGroup: true,
      chatJid: '120363000000000001@g.us',
      senderJid: '99887766@lid',
      senderAltJid: CUSTOMER,
    });
    const lid = normalizeWaMessage(
      waMessage({
        key: { remoteJid: '1234567@lid', fromMe: false, id: 'LID1' },
        messageTimestamp: at,
        message: { conversation: 'from a lid' },
      }),
    );
    expect(lid).toMatchObject({ type: 'message', isGroup: false, senderJid: '1234567@lid', senderAltJid: null });
  });

  it('marks the seller’s own messages as fromMe', () => {
    const mine = normalizeWaMessage(
      waMessage({ key: key('ME1', { fromMe: true }), messageTimestamp: at, message: { conversation: 'je vous appelle' } }),
    );
    expect(mine).toMatchObject({ type: 'message', fromMe: true, text: 'je vous appelle' });
  });

  it('classifies reactions, edits and deletes (protocol messages)', () => {
    const reaction = normalizeWaMessage(
      waMessage({ key: key('R1'), messageTimestamp: at, message: { reactionMessage: { key: key('BOT-1'), text: '👍' } } }),
    );
    expect(reaction).toMatchObject({ type: 'reaction', targetId: 'BOT-1', emoji: '👍' });
    const edit = normalizeWaMessage(
      waMessage({
        key: key('ED1'),
        messageTimestamp: at,
        message: {
          protocolMessage: {
            key: key('T1'),
            type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
            editedMessage: { conversation: 'taille L' },
          },
        },
      }),
    );
    expect(edit).toMatchObject({ type: 'edit', targetId: 'T1', text: 'taille L' });
    const revoke = normalizeWaMessage(
      waMessage({
        key: key('RV1'),
        messageTimestamp: at,
        message: { protocolMessage: { key: key('T1'), type: proto.Message.ProtocolMessage.Type.REVOKE } },
      }),
    );
    expect(revoke).toMatchObject({ type: 'revoke', targetId: 'T1' });
    const other = normalizeWaMessage(
      waMessage({
        key: key('P1'),
        messageTimestamp: at,
        message: { protocolMessage: { type: proto.Message.ProtocolMessage.Type.EPHEMERAL_SETTING } },
      }),
    );
    expect(other.type).toBe('ignore');
  });

  it('ignores status broadcasts, newsletters and empty stubs; flags undecryptable messages', () => {
    expect(
      normalizeWaMessage(
        waMessage({ key: { remoteJid: 'status@broadcast', id: 'S1', participant: CUSTOMER }, message: { conversation: 'story' } }),
      ).type,
    ).toBe('ignore');
    expect(
      normalizeWaMessage(waMessage({ key: { remoteJid: '1203630000@newsletter', id: 'N1' }, message: { conversation: 'news' } })).type,
    ).toBe('ignore');
    expect(normalizeWaMessage(waMessage({ key: key('X1'), messageStubType: proto.WebMessageInfo.StubType.E2E_ENCRYPTED })).type).toBe(
      'ignore',
    );
    const bad = normalizeWaMessage(
      waMessage({
        key: key('BAD1'),
        messageTimestamp: at,
        messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT,
        messageStubParameters: ['Bad MAC'],
      }),
    );
    expect(bad).toMatchObject({ type: 'undecryptable', reason: 'Bad MAC', id: 'BAD1' });
  });
});
