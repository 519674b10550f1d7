import { describe, expect, it } from 'vitest';
import { type RouteFacts, routeTurn } from './route';

const base: RouteFacts = {
  contactBlocked: false,
  takeover: false,
  approvalMode: false,
  activeFlowId: null,
  aiEnabled: true,
  floodingAlreadyAnswered: false,
};

describe('routeTurn', () => {
  it.each<[string, Partial<RouteFacts>, string]>([
    ['blocked contact is dropped', { contactBlocked: true }, 'drop'],
    ['blocked wins over takeover and approval', { contactBlocked: true, takeover: true, approvalMode: true }, 'drop'],
    ['takeover notifies the seller, no bot reply', { takeover: true }, 'notify_seller'],
    ['takeover wins over approval mode', { takeover: true, approvalMode: true }, 'notify_seller'],
    ['a flooding contact answered once gets no more replies', { floodingAlreadyAnswered: true }, 'no_reply'],
    ['approval mode drafts', { approvalMode: true }, 'draft'],
    ['approval mode wins over an active flow', { approvalMode: true, activeFlowId: 'f1' }, 'draft'],
    ['an active flow runs before the brain', { activeFlowId: 'f1' }, 'flow'],
    ['AI enabled asks the brain', {}, 'brain'],
    ['AI disabled: no reply', { aiEnabled: false }, 'no_reply'],
  ])('%s', (_name, facts, kind) => {
    expect(routeTurn({ ...base, ...facts }).kind).toBe(kind);
  });
});
