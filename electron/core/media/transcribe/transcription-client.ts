import type OpenAI from 'openai';
import type { toFile as ToFile } from 'openai';

export interface TranscriptionClientConfig {
  /** The OpenAI-compatible endpoint (…/v1) that serves audio transcriptions. */
  baseUrl: string;
  /** Its key; null for a local server that asks none. */
  apiKey: string | null;
  /** The transcription model name, e.g. whisper-1. */
  model: string;
  /** One request's limit, in ms. */
  timeoutMs: number;
}

export interface AudioFile {
  bytes: Buffer;
  /** A file name with the right extension: servers pick the decoder from it. */
  name: string;
  mime: string;
}

export interface TranscriptionResult {
  text: string;
  /** As the endpoint names it ("arabic", "fr"); null when it does not say (plain json format). */
  language: string | null;
  /** Duration the endpoint measured; null when it does not say. */
  seconds: number | null;
}

export interface TranscriptionClient {
  transcribe(file: AudioFile, signal?: AbortSignal): Promise<TranscriptionResult>;
}
export type MakeTranscriptionClient = (config: TranscriptionClientConfig) => TranscriptionClient;

/**
 * `audio.transcriptions.create` of the openai SDK against any OpenAI-compatible endpoint (OpenAI,
 * Groq, whisper.cpp's and faster-whisper's servers). verbose_json first, for the language and the
 * duration; a server that rejects it (some only speak json) is asked again in plain json.
 */
export const makeOpenAiTranscriptionClient: MakeTranscriptionClient = (config) => {
  // The SDK loads on the first voice note: a shop without transcription never pays for it at start.
  let sdk: Promise<{ Sdk: typeof OpenAI; client: OpenAI; toFile: typeof ToFile }> | null = null;
  const connect = () =>
    (sdk ??= import('openai').then(({ default: Sdk, toFile }) => ({
      Sdk,
      toFile,
      client: new Sdk({
        baseURL: config.baseUrl.trim().replace(/\/+$/, ''),
        // Local servers need no key, but the SDK insists on one; they ignore the header.
        apiKey: config.apiKey || 'no-key',
        maxRetries: 0,
        timeout: config.timeoutMs,
      }),
    })));
  let verbose = true;
  return {
    async transcribe(file, signal) {
      const { Sdk, client, toFile } = await connect();
      const upload = () => toFile(file.bytes, file.name, { type: file.mime });
      const options = signal ? { signal } : undefined;
      if (verbose) {
        try {
          const out = await client.audio.transcriptions.create(
            { file: await upload(), model: config.model, response_format: 'verbose_json' },
            options,
          );
          return { text: out.text, language: out.language || null, seconds: Number.isFinite(out.duration) ? out.duration : null };
        } catch (err) {
          if (!(err instanceof Sdk.APIError && err.status === 400 && /response_format|verbose/i.test(err.message))) throw err;
          verbose = false;
        }
      }
      const out = await client.audio.transcriptions.create({ file: await upload(), model: config.model }, options);
      return { text: out.text, language: null, seconds: null };
    },
  };
};
