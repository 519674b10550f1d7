import { z } from 'zod';
import { Account, Id } from '../domain/schemas';
import { call } from './define';

export const accountsCalls = {
  'accounts/list': call('Linked numbers (and the test phone) of a shop.', z.object({ shopId: Id }).strict(), z.array(Account)),
} as const;
