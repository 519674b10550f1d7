import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../shared/contract';
import { call } from '../../test-utils/temp-core';
import { type Harness, makeLearningHarness } from '../test-utils/learning-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SARA = '+213550000077';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const optOuts = (t: Harness) => call<CallOutput<'learning/list-opt-outs'>>(t.core, 'learning/list-opt-outs', { shopId: t.shopId });

describe('opted-out customers: listed for the seller, back in only when the seller says so', () => {
  it('a stop is listed at once and lasts; opting back in lets the next follow-up through; a new stop re-arms it', async () => {
    h = await makeLearningHarness();
    const t = h;
    await t.say(SARA, 'ch7al had sac noir?');
    await t.say(SARA, 'stop, matb3atlich messages');
    const [listed] = await optOuts(t);
    expect(listed).toMatchObject({ phone: SARA, text: 'stop, matb3atlich messages' });
    expect(listed!.conversationId).toEqual(expect.any(Number));
    // It lasts: days later, a new price question brings no follow-up.
    await t.advance(2 * DAY);
    await t.say(SARA, 'w robe kabyle ch7al?');
    await t.advance(2 * HOUR);
    expect(t.followUps()).toEqual([]);
    expect(await optOuts(t)).toHaveLength(1);

    // The customer asks to hear from the shop again; the seller opts her back in.
    const lifted = await call<CallOutput<'learning/opt-in'>>(t.core, 'learning/opt-in', { shopId: t.shopId, contactId: listed!.contactId });
    expect(lifted).toEqual({ optedIn: true });
    expect(await optOuts(t)).toEqual([]);
    // (Her "stop" had been handed to the seller, who closes that escalation.)
    await t.core.app.dispatch('conversations/set-status', { shopId: t.shopId, conversationId: listed!.conversationId!, status: 'open' });
    // Her old "stop" is not read again.
    await t.advance(2 * DAY);
    await t.say(SARA, 'salam, ch7al robe de soirée rouge?');
    await t.advance(31 * MIN);
    expect(t.followUps()).toHaveLength(1);
    expect(await call(t.core, 'learning/opt-in', { shopId: t.shopId, contactId: listed!.contactId })).toEqual({ optedIn: false });

    await t.say(SARA, 'STOP');
    expect((await optOuts(t)).map((o) => o.text)).toEqual(['STOP']);
  });
});
