import { describe, expect, it } from 'vitest';
import { makeCommandsRepo, makeDevicesRepo } from '../../sync/index';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

describe('migration 0080-sync-devices', () => {
  it('keeps paired devices by public key (no secret column) and one command row per (device, id)', async () => {
    const store = await openTestStore();
    const columns = (store.sqlite.prepare('PRAGMA table_info(sync_devices)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['id', 'name', 'sign_public_key', 'box_public_key', 'paired_at', 'last_seen_at', 'replay_state']);
    expect(queryPlan(store, 'SELECT * FROM sync_devices WHERE sign_public_key = ?', 'k')).toMatch(/USING INDEX/);
    expect(queryPlan(store, 'SELECT * FROM sync_commands WHERE device_id = ? AND command_id = ?', 1, 'c')).toMatch(
      /USING (PRIMARY KEY|INDEX)/,
    );
    const devices = makeDevicesRepo(store.sqlite);
    const a = devices.add({ name: 'A', signPublicKey: 'sign-a', boxPublicKey: 'box-a' }, '2026-12-01T10:00:00Z');
    // Pairing the same key again is the same device.
    expect(devices.add({ name: 'A again', signPublicKey: 'sign-a', boxPublicKey: 'box-a' }, 'later').id).toBe(a.id);
    const commands = makeCommandsRepo(store.sqlite);
    expect(commands.claim(a.id, 'c1', 'drafts/approve', 'now')).toBe(true);
    expect(commands.claim(a.id, 'c1', 'drafts/approve', 'now')).toBe(false);
    expect(devices.remove(a.id)).toBe(true);
    expect(devices.bySignKey('sign-a')).toBeNull();
    // The audit trail outlives the device.
    expect(commands.get(a.id, 'c1')).toMatchObject({ name: 'drafts/approve', state: 'running' });
  });
});
