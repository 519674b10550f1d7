import type { z } from 'zod';
import { accountsCalls } from './accounts';
import { analyticsCalls } from './analytics';
import { catalogCalls } from './catalog';
import { catalogImageCalls } from './catalog-images';
import { contactsCalls } from './contacts';
import { conversationsCalls } from './conversations';
import { desktopCalls } from './desktop';
import { inboxCalls } from './inbox';
import { inboxMediaCalls } from './inbox-media';
import { knowledgeCalls } from './knowledge';
import { learningCalls } from './learning';
import { ordersCalls } from './orders';
import { salesBrainCalls } from './sales-brain';
import { settingsCalls } from './settings';
import { shopsCalls } from './shops';
import { systemCalls } from './system';
import { syncCalls } from './sync';
import { whatsappCalls } from './whatsapp';

/** The whole contract: one map of every call, grouped by area in its own file. */
export const calls = {
  ...systemCalls,
  ...shopsCalls,
  ...accountsCalls,
  ...conversationsCalls,
  ...inboxCalls,
  ...inboxMediaCalls,
  ...catalogCalls,
  ...catalogImageCalls,
  ...knowledgeCalls,
  ...settingsCalls,
  ...salesBrainCalls,
  ...whatsappCalls,
  ...ordersCalls,
  ...contactsCalls,
  ...learningCalls,
  ...analyticsCalls,
  ...desktopCalls,
  ...syncCalls,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What a caller may pass (defaults not yet applied). */
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export const callNames = Object.keys(calls) as CallName[];
export const isCallName = (name: string): name is CallName => Object.hasOwn(calls, name);

export * from './errors';
export * from './events';
export type { Bridge } from './bridge';
