import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../shared/contract';
import { llmNotice } from '../../../../shared/domain/notices';
import { EventBus } from '../../events';
import { llmProblem, makeLlmHealth } from './llm-health';

describe('AI model health for the seller', () => {
  it('starts the clock at the first failure, keeps it through more failures, clears on an answer', () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const bus = new EventBus();
    const seen: EventMessage[] = [];
    bus.subscribe((e) => seen.push(e));
    const health = makeLlmHealth({ clock: { now: () => new Date(now) }, bus });
    expect(health.get(1)).toEqual({ shopId: 1, failingSince: null, problem: null });
    health.failed(1, llmNotice('unreachable', { host: 'localhost:11434' }));
    now += 60_000;
    health.failed(1, llmNotice('unreachable', { host: 'localhost:11434' }));
    health.failed(1, llmNotice('timeout', { host: 'localhost:11434', seconds: 20 }));
    expect(health.get(1)).toMatchObject({ failingSince: '2026-12-01T10:00:00.000Z', problem: { code: 'timeout' } });
    health.succeeded(1);
    health.succeeded(1);
    expect(health.get(1).failingSince).toBeNull();
    // One event when it starts failing, one when the reason changes, one when it answers again.
    const codes = seen.filter((e): e is EventMessage<'llm/health'> => e.name === 'llm/health').map((e) => e.payload.problem?.code ?? 'ok');
    expect(codes).toEqual(['unreachable', 'timeout', 'ok']);
  });

  it('names the problem without the raw error', () => {
    expect(llmProblem(new OpenAI.APIConnectionError({ message: 'ECONNREFUSED' }), 'http://127.0.0.1:9/v1', 20_000)).toEqual(
      llmNotice('unreachable', { host: '127.0.0.1:9' }),
    );
    expect(llmProblem(new Error('x'), 'not a url', 20_000)).toEqual(llmNotice('bad_address'));
    expect(llmProblem(new Error('boom'), 'https://openrouter.ai/api/v1', 20_000).code).toBe('other');
  });
});
