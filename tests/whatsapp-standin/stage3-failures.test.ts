import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisconnectReason } from '@whiskeysockets/baileys';
import {
  conflictNode,
  failureNode,
  startStandin,
  streamErrorNode,
  type LinkedDevice,
  type Standin,
} from '../../electron/core/channels/whatsapp/test-utils/standin';
import { closeCode, connectSocket, openSocket, pairNewDevice, trustStandin, type MemoryAuth, type TestSocket } from './harness';

const SELLER = '213550000002';

/**
 * What the real socket reports for each way WhatsApp ends a session. Our session manager's
 * reactions to these codes are asserted in stage3-session-manager.test.ts.
 */
describe('stand-in stage 3: disconnects and failure codes on the real socket', () => {
  let standin: Standin;
  let auth: MemoryAuth;
  let device: LinkedDevice;
  const sockets: TestSocket[] = [];

  beforeEach(async () => {
    standin = await startStandin();
    trustStandin(standin);
    ({ auth, device } = await pairNewDevice(standin, SELLER));
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) void s.sock.end(undefined);
    await standin.close();
  });

  const open = async (extra = {}) => {
    const s = await openSocket(standin, auth.reload(), extra);
    sockets.push(s);
    return s;
  };

  it('a dropped TCP connection closes with connectionClosed (428)', async () => {
    const s = await open();
    s.conn.drop();
    const closed = await s.waitForUpdate((u) => u.connection === 'close');
    expect(closeCode(closed)).toBe(DisconnectReason.connectionClosed);
  });

  it('stream:error 515 closes with restartRequired', async () => {
    const s = await open();
    s.conn.send(streamErrorNode(515));
    expect(closeCode(await s.waitForUpdate((u) => u.connection === 'close'))).toBe(DisconnectReason.restartRequired);
  });

  it('a conflict stream error closes with connectionReplaced (440)', async () => {
    const s = await open();
    s.conn.send(conflictNode());
    expect(closeCode(await s.waitForUpdate((u) => u.connection === 'close'))).toBe(DisconnectReason.connectionReplaced);
  });

  it('a second login with the same creds replaces the first connection', async () => {
    const s = await open();
    const second = await open();
    // The stand-in drops the older connection for the device, as WhatsApp does.
    expect(closeCode(await s.waitForUpdate((u) => u.connection === 'close'))).toBe(DisconnectReason.connectionClosed);
    expect(second.updates.some((u) => u.connection === 'close')).toBe(false);
  });

  it('logging the device out on the phone makes the next login fail with loggedOut (401)', async () => {
    const s = await open();
    standin.unlink(device);
    s.conn.drop();
    await s.waitForUpdate((u) => u.connection === 'close');
    const again = connectSocket(standin, auth.reload());
    sockets.push(again);
    const closed = await again.waitForUpdate((u) => u.connection === 'close');
    expect(closeCode(closed)).toBe(DisconnectReason.loggedOut);
    expect(again.updates.some((u) => u.connection === 'open')).toBe(false);
  });

  it('a failure node with reason 403 (forbidden) closes with 403', async () => {
    const s = await open();
    s.conn.send(failureNode(403));
    expect(closeCode(await s.waitForUpdate((u) => u.connection === 'close'))).toBe(DisconnectReason.forbidden);
  });

  it('a silent server past the keep-alive closes with connectionLost (408)', async () => {
    const s = await open({ keepAliveIntervalMs: 100 });
    s.conn.silence();
    const started = Date.now();
    const closed = await s.waitForUpdate((u) => u.connection === 'close', 8_000);
    expect(closeCode(closed)).toBe(DisconnectReason.connectionLost);
    // Baileys allows interval + 5 s of silence before giving up.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
  }, 15_000);
});
