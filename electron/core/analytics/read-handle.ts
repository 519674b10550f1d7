import type { ReadableSqlite } from '../store';

/**
 * Analytics reads other domains' tables (messages, orders, products…) and must never write them,
 * so its read models take the store's readable handle (store/handles.ts): a type without exec,
 * transaction or a statement's `run`, that no writing repository accepts, over a connection opened
 * readonly with `query_only` (a view refusing writing statements for an in-memory store). Its own
 * tables are written through rollup-repo.ts on the writing handle.
 */
export type ReadHandle = ReadableSqlite;
