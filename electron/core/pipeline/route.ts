/**
 * Which way a customer turn goes, in the order the design fixes:
 * blocked → human takeover → approval mode → active flow → AI enabled → no reply.
 * Pure, so every branch is table-tested.
 */
export type Route =
  | { kind: 'drop'; reason: 'blocked' }
  | { kind: 'notify_seller'; reason: 'takeover' }
  | { kind: 'draft' }
  | { kind: 'flow'; flowId: string }
  | { kind: 'brain' }
  | { kind: 'no_reply'; reason: 'ai_disabled' | 'flooding' | 'outside_window' };

export interface RouteFacts {
  contactBlocked: boolean;
  takeover: boolean;
  approvalMode: boolean;
  /** The id of a scripted flow the conversation is in (hook for later; none today). */
  activeFlowId: string | null;
  aiEnabled: boolean;
  /** The contact exceeded the per-minute message limit and was already answered once. */
  floodingAlreadyAnswered: boolean;
}

export function routeTurn(f: RouteFacts): Route {
  if (f.contactBlocked) return { kind: 'drop', reason: 'blocked' };
  if (f.takeover) return { kind: 'notify_seller', reason: 'takeover' };
  if (f.floodingAlreadyAnswered) return { kind: 'no_reply', reason: 'flooding' };
  if (f.approvalMode) return { kind: 'draft' };
  if (f.activeFlowId) return { kind: 'flow', flowId: f.activeFlowId };
  if (f.aiEnabled) return { kind: 'brain' };
  return { kind: 'no_reply', reason: 'ai_disabled' };
}
