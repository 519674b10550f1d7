import fs from 'node:fs';
import path from 'node:path';
import type { ShopSettings } from '../../../../shared/domain/settings';
import type { TranscriptInfo } from '../../../../shared/domain/transcription';
import type { Clock, Logger } from '../../ports';
import { type MakeTranscriptionClient, type TranscriptionClient, makeOpenAiTranscriptionClient } from './transcription-client';
import { makeEndpointLanes, transcriptionLimitFor } from './endpoint-lanes';
import type { TranscriptionUsageRepo } from './usage-repo';

/** The voice notes' messages, read and given their transcript (the pipeline owns messages: its transcript repository). */
interface TranscriptStore {
  /** The message's kind, text and meta (its `mediaPath`), or undefined. */
  message(id: number): { kind: string; text: string; meta: string | null } | undefined;
  /** Stores the transcript as the message's text when that text is still empty; false when it was not. */
  save(id: number, text: string, info: TranscriptInfo): boolean;
}

/** The downloaded file a message's meta names (`mediaPath`), or undefined when meta is unreadable. */
function mediaPathOf(meta: string | null): unknown {
  if (!meta) return undefined;
  try {
    const parsed: unknown = JSON.parse(meta);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { mediaPath?: unknown }).mediaPath : undefined;
  } catch {
    return undefined;
  }
}

export interface VoiceTranscriberDeps {
  /** Stored transcripts: a voice note is transcribed once, even after a restart. */
  transcripts: TranscriptStore;
  /** Per-shop transcription minutes, against the seller's monthly cap. */
  usage: TranscriptionUsageRepo;
  /** A shop's settings: transcription on or off, endpoint, model and cap. */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** The transcription endpoint's key from the secret store (null: none). */
  apiKeyOf(shopId: number): Promise<string | null>;
  /** Downloaded media live under it; a path stored in a message outside it is never read. */
  mediaDir: string;
  /** Time for the usage month. */
  clock: Clock;
  /** Core's logger: failed transcriptions. */
  logger: Logger;
  /** Builds the transcription client; default the OpenAI-compatible one. */
  makeClient?: MakeTranscriptionClient;
  /** The longest a customer's turn waits on the endpoint (default 60 s). */
  timeoutMs?: number;
}

export interface VoiceTranscript {
  text: string;
  language: string | null;
}

/** Why a voice note was not transcribed (logged; every one falls back to the acknowledgement). */
export type SkipReason = 'not_audio' | 'not_configured' | 'no_file' | 'minutes_cap' | 'endpoint_failed' | 'empty';

/** The shop's calendar day in its own zone, as the token cap counts it (brain/usage/spend-cap.ts). */
function shopDay(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const MIME: Record<string, string> = {
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.webm': 'audio/webm',
};

/** Opus voice notes run at about 16 kbit/s: the duration when the endpoint reports none. */
const estimateSeconds = (bytes: number) => bytes / 2_000;

/**
 * Turns a customer's voice note into text the brain reads. Before each call the shop's minutes
 * for the day are checked against its cap; after it, the measured seconds are added. The
 * transcript is saved on the message (text + meta flag) before the turn goes on, so a crash
 * after it never pays twice.
 */
export function makeVoiceTranscriber(deps: VoiceTranscriberDeps) {
  const { transcripts, usage } = deps;
  const makeClient = deps.makeClient ?? makeOpenAiTranscriptionClient;
  const root = path.resolve(deps.mediaDir);
  const lanes = makeEndpointLanes();
  /** One client per endpoint configuration (the SDK and its keep-alive connections are reused). */
  const clients = new Map<string, TranscriptionClient>();
  const clientFor = (baseUrl: string, model: string, apiKey: string | null) => {
    const key = JSON.stringify([baseUrl, model, apiKey]);
    let client = clients.get(key);
    if (!client) {
      client = makeClient({ baseUrl, model, apiKey, timeoutMs: deps.timeoutMs ?? 60_000 });
      clients.set(key, client);
    }
    return client;
  };
  const fileOf = (mediaPath: unknown): string | null => {
    if (typeof mediaPath !== 'string' || !mediaPath) return null;
    const file = path.resolve(mediaPath);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return null;
    return file;
  };

  async function attempt(shopId: number, messageId: number): Promise<VoiceTranscript | SkipReason> {
    const row = transcripts.message(messageId);
    if (!row || row.kind !== 'audio' || row.text.trim()) return 'not_audio';
    const settings = await deps.settingsOf(shopId);
    const { baseUrl, model, dailyMinutesCap } = settings.transcription;
    if (!baseUrl.trim() || !model.trim()) return 'not_configured';
    const file = fileOf(mediaPathOf(row.meta));
    if (!file) return 'no_file';
    const now = deps.clock.now();
    const day = shopDay(now, settings.facts.timeZone);
    if (usage.secondsOn(shopId, day) >= dailyMinutesCap * 60) return 'minutes_cap';
    const bytes = fs.readFileSync(file);
    const ext = path.extname(file).toLowerCase();
    let result;
    try {
      const client = clientFor(baseUrl, model, await deps.apiKeyOf(shopId));
      const file = { bytes, name: `voice${ext || '.ogg'}`, mime: MIME[ext] ?? 'application/octet-stream' };
      result = await lanes(baseUrl.trim(), transcriptionLimitFor(baseUrl), () => client.transcribe(file));
    } catch (err) {
      deps.logger.warn({ shopId, messageId, err: err instanceof Error ? err.message : String(err) }, 'transcription failed');
      return 'endpoint_failed';
    }
    const seconds = result.seconds ?? estimateSeconds(bytes.length);
    usage.add(shopId, day, seconds);
    const text = result.text.trim();
    if (!text) return 'empty';
    transcripts.save(messageId, text, { language: result.language, seconds });
    return { text, language: result.language };
  }

  return {
    /** The voice note's transcript, or null (not configured, over the cap, endpoint down): the caller falls back. */
    async transcribe(input: { shopId: number; messageId: number }): Promise<VoiceTranscript | null> {
      const outcome = await attempt(input.shopId, input.messageId);
      if (typeof outcome !== 'string') return outcome;
      if (outcome !== 'not_audio') deps.logger.info({ ...input, reason: outcome }, 'voice note not transcribed');
      return null;
    },
  };
}
