import type {
  AnyMessageContent,
  BaileysEventEmitter,
  Contact,
  MiscMessageGenerationOptions,
  UserFacingSocketConfig,
  WAMessage,
  WAMessageKey,
  WAPresence,
} from '@whiskeysockets/baileys';

/**
 * The part of a Baileys socket Souqbot uses. `makeWASocket`'s result satisfies it; tests pass a
 * double whose `ev` emits payloads built with Baileys' own protobufs.
 */
export interface WaSocket {
  readonly ev: BaileysEventEmitter;
  readonly user: Contact | undefined;
  end(error: Error | undefined): Promise<void> | void;
  logout(msg?: string): Promise<void>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  sendMessage(jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions): Promise<WAMessage | undefined>;
  sendPresenceUpdate(type: WAPresence, toJid?: string): Promise<void>;
  readMessages(keys: WAMessageKey[]): Promise<void>;
  updateMediaMessage?(message: WAMessage): Promise<WAMessage>;
  readonly signalRepository: {
    readonly lidMapping: {
      getPNForLID(lid: string): Promise<string | null>;
    };
  };
}

export type SocketFactory = (config: UserFacingSocketConfig) => WaSocket;
