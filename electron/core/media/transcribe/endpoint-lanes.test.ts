import { describe, expect, it } from 'vitest';
import { makeEndpointLanes, transcriptionLimitFor } from './endpoint-lanes';

describe('transcription endpoint lanes', () => {
  it('one at a time for a server nearby, a few for a hosted API', () => {
    expect(transcriptionLimitFor('http://127.0.0.1:8080/v1')).toBe(1);
    expect(transcriptionLimitFor('http://192.168.1.20:8000/v1')).toBe(1);
    expect(transcriptionLimitFor('http://whisper.local/v1')).toBe(1);
    expect(transcriptionLimitFor('https://api.groq.com/openai/v1')).toBe(8);
    expect(transcriptionLimitFor('https://127.0.0.1.example.com/v1')).toBe(8);
  });

  it('never runs more than the limit for a key, lets other keys through, and keeps order', async () => {
    const run = makeEndpointLanes();
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number) => async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      active -= 1;
      order.push(n);
      return n;
    };
    const other = run('b', 1, async () => 'other');
    const results = await Promise.all([1, 2, 3, 4].map((n) => run('a', 2, job(n))));
    expect(results).toEqual([1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([3, 4]);
    expect(await other).toBe('other');
    // A failing call frees its place.
    await expect(run('a', 1, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await run('a', 1, async () => 'after')).toBe('after');
  });
});
