import type { ContactsTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

/**
 * The pipeline's writes of `contacts` (a new address, a changed name): accept, the measured hot path, runs them
 * inside pipeline-store's transaction. Built with kysely and prepared once (typedStatements), each taking its values
 * in the order the pipeline passes them. They live here so the table has one writer.
 */
export function prepareContactWrites(sqlite: WritableSqlite) {
  const statements = typedStatements<ContactsTables>(sqlite);
  const insert = statements.prepare((db, p: { shopId: number; jid: string; name: string | null; at: string }) =>
    db.insertInto('contacts').values({ shop_id: p.shopId, jid: p.jid, name: p.name, created_at: p.at }).returning('id'),
  );
  const rename = statements.prepare((db, p: { name: string; id: number }) =>
    db.updateTable('contacts').set({ name: p.name }).where('id', '=', p.id),
  );
  return {
    insertContact: {
      get: (shopId: number, jid: string, name: string | null, at: string) => insert.get({ shopId, jid, name, at }),
    },
    renameContact: { run: (name: string, id: number) => rename.run({ name, id }) },
  };
}
