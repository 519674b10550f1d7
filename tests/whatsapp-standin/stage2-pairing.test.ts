import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBinaryNodeChild } from '@whiskeysockets/baileys';
import { startStandin, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { closeCode, connectSocket, makeMemoryAuth, trustStandin, type TestSocket } from './harness';

const SELLER = '213550000001';

describe('stand-in stage 2: pairing and login with saved creds', () => {
  let standin: Standin;
  const sockets: TestSocket[] = [];

  beforeEach(async () => {
    standin = await startStandin();
    trustStandin(standin);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) void s.sock.end(undefined);
    await standin.close();
  });

  it('pairs by QR, restarts on 515, logs in passively and reaches open', async () => {
    const auth = makeMemoryAuth();
    const first = connectSocket(standin, auth);
    sockets.push(first);
    const { qr } = await first.waitForUpdate((u) => !!u.qr);
    const device = await standin.link(qr!, SELLER);

    // Baileys verified the phone's HMAC and account signature, saved creds and counter-signed.
    const closed = await first.waitForUpdate((u) => u.connection === 'close');
    expect(closeCode(closed)).toBe(515);
    expect(first.updates.some((u) => u.isNewLogin)).toBe(true);
    expect(auth.state.creds.me?.id).toBe(device.jid);
    expect(auth.state.creds.me?.lid).toBe(device.lid);
    expect(auth.state.creds.account?.deviceSignature?.length).toBe(64);

    // The restart WhatsApp demands: a new socket from the saved creds.
    const restarted = auth.reload();
    const second = connectSocket(standin, restarted);
    sockets.push(second);
    const conn = await standin.nextConnection().then(() => standin.nextConnection());
    const { payload } = await conn.handshake;
    expect(payload.passive).toBe(true);
    expect(String(payload.username)).toBe(SELLER);
    expect(payload.device).toBe(device.deviceId);
    expect(payload.devicePairingData).toBeFalsy();

    await second.waitForUpdate((u) => u.connection === 'open');
    expect(second.updates.some((u) => u.qr)).toBe(false);
    // The socket uploaded its pre-keys to the stand-in, signed by its identity key.
    const bundle = standin.world.bundles.get(`${SELLER}:${device.deviceId}`);
    expect(bundle?.preKeys.size).toBeGreaterThanOrEqual(5);
    expect(bundle?.identityKey).toEqual(Buffer.from(restarted.state.creds.signedIdentityKey.public));
    // …and went active; the stand-in told it the offline backlog is empty.
    await conn.waitFor((n) => n.tag === 'iq' && n.attrs.xmlns === 'passive' && !!getBinaryNodeChild(n, 'active'));
    await second.waitForUpdate((u) => u.receivedPendingNotifications === true);
  });

  it('answers keep-alive pings so an idle open connection stays open', async () => {
    const auth = makeMemoryAuth();
    const first = connectSocket(standin, auth);
    sockets.push(first);
    const { qr } = await first.waitForUpdate((u) => !!u.qr);
    await standin.link(qr!, SELLER);
    await first.waitForUpdate((u) => u.connection === 'close');
    const second = connectSocket(standin, auth.reload(), { keepAliveIntervalMs: 200 });
    sockets.push(second);
    await second.waitForUpdate((u) => u.connection === 'open');
    const conn = standin.connections.at(-1)!;
    await new Promise((r) => setTimeout(r, 700));
    const pings = conn.log.filter((r) => r.dir === 'in' && r.node.attrs.xmlns === 'w:p');
    expect(pings.length).toBeGreaterThanOrEqual(2);
    expect(second.updates.some((u) => u.connection === 'close')).toBe(false);
  });

  it('refuses to link when the QR does not belong to a waiting companion', async () => {
    const first = connectSocket(standin, makeMemoryAuth());
    sockets.push(first);
    const { qr } = await first.waitForUpdate((u) => !!u.qr);
    const parts = qr!.split(',');
    parts[1] = Buffer.alloc(32, 7).toString('base64');
    await expect(standin.link(parts.join(','), SELLER)).rejects.toThrow(/noise key/);
  });

  it('a companion rejects a pair-success whose HMAC was not made with its adv secret', async () => {
    const first = connectSocket(standin, makeMemoryAuth());
    sockets.push(first);
    const { qr } = await first.waitForUpdate((u) => !!u.qr);
    const parts = qr!.split(',');
    parts[3] = Buffer.alloc(32, 9).toString('base64'); // the phone read a wrong adv secret
    await expect(standin.link(parts.join(','), SELLER)).rejects.toThrow();
    const closed = await first.waitForUpdate((u) => u.connection === 'close');
    expect(closed.lastDisconnect?.error?.message).toMatch(/signature/i);
  });
});
