import { z } from 'zod';

/**
 * Voice notes to text through an OpenAI-compatible `/audio/transcriptions` endpoint. No base URL
 * means no transcription: a voice note is acknowledged and handed to the seller, as before.
 */
export const TranscriptionSettings = z
  .object({
    baseUrl: z.string().default(''),
    /** Write-only: accepted on update, never returned (settings/get reports transcription.apiKeySet). */
    apiKey: z.string().optional(),
    model: z.string().default(''),
    /** Which preset the page last applied ('custom' when typed). Informational only. */
    preset: z.string().default('custom'),
    /** Minutes of audio transcribed per shop per day (the shop's own day, like the token cap); past it, today's fallback. */
    dailyMinutesCap: z.number().min(0).max(10_000).default(30),
  })
  .strict();
export type TranscriptionSettings = z.infer<typeof TranscriptionSettings>;

/** A ready-made transcription endpoint the AI settings section fills the fields from. */
export interface TranscriptionPreset {
  id: string;
  label: string;
  baseUrl: string;
  model: string;
  needsApiKey: boolean;
}

/** Servers that speak `/audio/transcriptions` (base URLs are the roots the SDK appends it to). */
export const TRANSCRIPTION_PRESETS: readonly TranscriptionPreset[] = [
  { id: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'whisper-1', needsApiKey: true },
  { id: 'groq', label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'whisper-large-v3-turbo', needsApiKey: true },
  // whisper.cpp's server started with `--inference-path /v1/audio/transcriptions` (its default path is /inference).
  { id: 'whisper-cpp', label: 'whisper.cpp', baseUrl: 'http://127.0.0.1:8080/v1', model: 'whisper-1', needsApiKey: false },
  // faster-whisper-server / speaches.
  {
    id: 'faster-whisper',
    label: 'faster-whisper',
    baseUrl: 'http://127.0.0.1:8000/v1',
    model: 'Systran/faster-whisper-small',
    needsApiKey: false,
  },
];

/** What the inbox shows under a voice note that was transcribed (kept in the message's meta). */
export const TranscriptInfo = z.object({
  /** The language the endpoint heard (as it names it: "arabic", "fr"…), null when it did not say. */
  language: z.string().nullable(),
  seconds: z.number().nonnegative(),
});
export type TranscriptInfo = z.infer<typeof TranscriptInfo>;
