import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { resolveMessageMedia } from './media-file';

/** A message's stored file for the Electron renderer (a browser tab uses GET /media/<id> instead). */
export function messagesHandlers(ctx: CoreContext): HandlerMap {
  const mediaDir = path.join(ctx.dataDir, 'media');
  return {
    'messages/read-media': async ({ shopId, messageId }) => {
      const row = ctx.pipeline.store.message(messageId);
      const found = row && row.shop_id === shopId ? resolveMessageMedia(mediaDir, row) : null;
      if (!found) throw new ContractError('not_found', `No stored media for message ${messageId} in shop ${shopId}`);
      return { mime: found.type, fileName: found.downloadName, dataBase64: fs.readFileSync(found.file).toString('base64') };
    },
  };
}
