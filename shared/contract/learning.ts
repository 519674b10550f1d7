import { z } from 'zod';
import {
  BanditAlgorithm,
  CustomerProfile,
  CustomerProfilePatch,
  JobFailure,
  LearnedEntry,
  OptedOutCustomer,
  StrategyStat,
} from '../domain/learning';
import { Id } from '../domain/schemas';
import { call, event } from './define';

const Result = z.object({
  analysed: z.number().int(),
  learned: z.number().int(),
  merged: z.number().int(),
  /** LLM-assisted analysis: conversations sent to the model, pairs kept and refused by the checks. */
  llm: z.object({ asked: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }).optional(),
});

export const learningCalls = {
  'learning/get-overview': call(
    "The Learning page: this week's figures, learned answers by status, strategy results, follow-up results (30 days).",
    z.object({ shopId: Id, status: LearnedEntry.shape.status.default('pending') }).strict(),
    z.object({
      week: z.object({ answers: z.number().int(), sales: z.number().int() }),
      entries: z.array(LearnedEntry),
      strategies: z.array(StrategyStat),
      algorithm: BanditAlgorithm,
      followUps: z.object({ sent: z.number().int(), replied: z.number().int(), ordered: z.number().int() }),
      running: z.boolean(),
    }),
  ),
  'learning/learn-now': call(
    'Analyse now the ordered conversations not analysed yet (progress as learning/progress events).',
    z.object({ shopId: Id }).strict(),
    Result,
  ),
  'profiles/get': call(
    'What Souqbot remembers about a customer (null: nothing yet).',
    z.object({ shopId: Id, contactId: Id }).strict(),
    CustomerProfile.nullable(),
  ),
  'profiles/update': call(
    "The seller corrects a customer's remembered details (null clears a field).",
    z.object({ shopId: Id, contactId: Id, patch: CustomerProfilePatch }).strict(),
    CustomerProfile,
  ),
  'learning/list-opt-outs': call(
    'Customers who said stop: no follow-up reaches them until the seller opts them back in.',
    z.object({ shopId: Id }).strict(),
    z.array(OptedOutCustomer),
  ),
  'learning/opt-in': call(
    'The customer asked to hear from the shop again: the seller lifts their opt-out (a new "stop" re-arms it).',
    z.object({ shopId: Id, contactId: Id }).strict(),
    z.object({ optedIn: z.boolean() }),
  ),
  'jobs/list-failures': call('Periodic jobs whose last run failed (retrying, or given up).', z.object({}).strict(), z.array(JobFailure)),
  'jobs/retry': call('Run a failed job again now.', z.object({ id: Id }).strict(), z.object({ retried: z.boolean() })),
} as const;

export const learningEvents = {
  /** An analysis pass moved on. */
  'learning/progress': event(
    'An analysis pass moved on (done of total conversations; done = total at the end).',
    z.object({ shopId: Id, done: z.number().int(), total: z.number().int() }),
  ),
} as const;
