import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSimulatorChannel } from './simulator-channel';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function simulator(maxViews?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-sim-'));
  dirs.push(dir);
  const rawLogPath = path.join(dir, 'raw-send-log.jsonl');
  const clock = { now: () => new Date('2026-12-01T12:00:00Z') };
  return { rawLogPath, sim: makeSimulatorChannel({ rawLogPath, clock, fsync: false, ...(maxViews !== undefined && { maxViews }) }) };
}

const send = (sim: ReturnType<typeof makeSimulatorChannel>, to: string, id: string, text = `reply ${id}`) =>
  sim.channel.send({ accountId: 1, to, channelMessageId: id, text });

describe('simulator channel', () => {
  it('keeps only the most recently read customer views in memory, however many customers it sent to', async () => {
    const { sim } = simulator(2);
    for (let i = 0; i < 50; i++) await send(sim, `2135500${i}@s.whatsapp.net`, `ID-${i}`);
    // Sending alone holds nothing: every attempt is in the log.
    expect(sim.cachedViews()).toBe(0);
    for (let i = 0; i < 5; i++) expect(sim.customerView(`2135500${i}@s.whatsapp.net`).map((a) => a.id)).toEqual([`ID-${i}`]);
    expect(sim.cachedViews()).toBe(2);
  });

  it('a view read again after it left memory is the same: one bubble per id, in first-seen order, new sends included', async () => {
    const { sim } = simulator(1);
    const amina = '213550000001@s.whatsapp.net';
    const karim = '213550000002@s.whatsapp.net';
    await send(sim, amina, 'A-1');
    await send(sim, amina, 'A-2');
    await send(sim, amina, 'A-1', 'the same message, sent again after a crash');
    expect(sim.customerView(amina).map((a) => [a.id, a.text])).toEqual([
      ['A-1', 'reply A-1'],
      ['A-2', 'reply A-2'],
    ]);
    await send(sim, amina, 'A-3'); // into the view in memory
    expect(sim.customerView(karim)).toEqual([]); // evicts Amina's view
    await send(sim, amina, 'A-4'); // only into the log
    expect(sim.customerView(amina).map((a) => a.id)).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
  });

  it('a restarted simulator shows what the log holds', async () => {
    const { sim, rawLogPath } = simulator();
    await send(sim, '213550000003@s.whatsapp.net', 'R-1');
    sim.close();
    const again = makeSimulatorChannel({ rawLogPath, clock: { now: () => new Date() }, fsync: false });
    expect(again.customerView('213550000003@s.whatsapp.net').map((a) => a.id)).toEqual(['R-1']);
    again.close();
  });
});
