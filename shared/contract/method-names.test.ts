import { describe, expect, it } from 'vitest';
import { callNames } from './index';

// A call reads `domain/verb-noun` (`wa/get-answer-policy`), or a bare verb when the domain is the noun
// (`orders/list`). The verbs in use; a new call with a new verb adds it here, a noun-first name does not pass.
const VERBS = [
  'add',
  'approve',
  'archive',
  'ask',
  'bulk-update',
  'cancel',
  'commit',
  'configure',
  'connect',
  'create',
  'delete',
  'disconnect',
  'duplicate',
  'export',
  'get',
  'learn',
  'list',
  'mark',
  'opt-in',
  'pick',
  'preview',
  'read',
  'reject',
  'remove',
  'rename',
  'reply',
  'restart',
  'restore',
  'retry',
  'run',
  'save',
  'send',
  'set',
  'start',
  'test',
  'try',
  'unpair',
  'update',
];
// Names that scripts outside this repository call: kept as they are.
const KEPT = new Set(['system/ping']);

describe('contract method names', () => {
  it('read domain/verb-noun', () => {
    const verb = new RegExp(`^[a-z]+(-[a-z]+)*/(${VERBS.join('|')})(-[a-z]+)*$`);
    expect(callNames.filter((name) => !KEPT.has(name) && !verb.test(name))).toEqual([]);
    // the shapes it exists to refuse: noun first, verb last, a bare noun
    expect(['wa/answer-policy-get', 'wa/contacts-list', 'conversations/messages'].filter((n) => verb.test(n))).toEqual([]);
  });
});
