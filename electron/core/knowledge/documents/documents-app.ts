import { ContractError } from '../../../../shared/contract';
import { documentRefusal } from '../../../../shared/domain/notices';
import type { HandlerMap } from '../../app';
import type { CoreContext } from '../../context';
import type { DocumentsRepo } from './documents-repo';
import { UnreadableDocumentError, documentKind, extractText } from './extract-text';

/** A document larger than this is refused (the contract's base64 limit is set from it). */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/**
 * Handlers for the seller's Knowledge documents: list, add or replace (read and re-indexed), delete.
 * `requireShop` comes from the knowledge app (one door into the shops domain).
 */
export function documentsHandlers(
  ctx: CoreContext,
  requireShop: (ctx: CoreContext, shopId: number) => Promise<unknown>,
  repo: DocumentsRepo,
): HandlerMap {
  return {
    'knowledge/list-documents': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return repo.list(shopId);
    },
    'knowledge/add-document': async ({ shopId, name, contentBase64, replaceId }) => {
      await requireShop(ctx, shopId);
      const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
      // The messages are codes the page words in the seller's language (shared/domain/notices.ts DOCUMENT_CODES).
      if (bytes.byteLength === 0) throw new ContractError('invalid_input', documentRefusal('empty'));
      if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new ContractError('invalid_input', documentRefusal('too_large'));
      const kind = documentKind(name, bytes);
      if (!kind) throw new ContractError('invalid_input', documentRefusal('unsupported_type'));
      let text: string;
      try {
        text = await extractText(kind, bytes);
      } catch (err) {
        if (err instanceof UnreadableDocumentError) {
          ctx.logger.warn({ shopId, name, err: err.message }, 'knowledge document unreadable');
          throw new ContractError('invalid_input', documentRefusal('unreadable'));
        }
        throw err;
      }
      const saved = repo.save(
        shopId,
        { name, kind, bytes, text, ...(replaceId !== undefined && { replaceId }) },
        ctx.clock.now().toISOString(),
      );
      if (!saved) throw new ContractError('not_found', `No document ${replaceId}`);
      ctx.logger.info({ shopId, documentId: saved.id, kind, chunks: saved.chunks }, 'knowledge document indexed');
      return saved;
    },
    'knowledge/delete-document': async ({ shopId, id }) => {
      await requireShop(ctx, shopId);
      return { deleted: repo.delete(shopId, id) };
    },
  };
}
