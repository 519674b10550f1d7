import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTranscriptionRequest {
  path: string;
  authorization: string | null;
  contentType: string;
  body: Buffer;
  /** The multipart `model` field, as the server read it. */
  model: string | null;
  /** The multipart `response_format` field. */
  responseFormat: string | null;
}

export interface FakeTranscriptionServer {
  /** The OpenAI-compatible root (…/v1) a shop's settings point at. */
  readonly baseUrl: string;
  readonly requests: FakeTranscriptionRequest[];
  /** What the next requests get: a transcript, or an HTTP error status. */
  answer: { text: string; language: string; duration: number } | { status: number };
  /** How long each answer takes (a slow local model); 0 by default. */
  delayMs: number;
  /** The most requests the server was working on at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

const field = (body: Buffer, name: string): string | null => {
  const match = new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(body.toString('latin1'));
  return match?.[1] ?? null;
};

/**
 * A whisper-like server on 127.0.0.1 speaking `POST /v1/audio/transcriptions` (multipart in,
 * verbose_json out), for tests: it records each request so a test sees what the SDK uploaded.
 */
export async function startFakeTranscriptionServer(): Promise<FakeTranscriptionServer> {
  const requests: FakeTranscriptionRequest[] = [];
  const state: { answer: FakeTranscriptionServer['answer']; delayMs: number; inFlight: number; maxInFlight: number } = {
    answer: { text: '', language: 'english', duration: 1 },
    delayMs: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => (state.inFlight -= 1));
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => setTimeout(respond, state.delayMs));
    const respond = () => {
      const body = Buffer.concat(chunks);
      requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization ?? null,
        contentType: req.headers['content-type'] ?? '',
        body,
        model: field(body, 'model'),
        responseFormat: field(body, 'response_format'),
      });
      const answer = state.answer;
      if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: { message: 'not found' } }));
      }
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ error: { message: 'model overloaded' } }));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ task: 'transcribe', text: answer.text, language: answer.language, duration: answer.duration, segments: [] }),
      );
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get answer() {
      return state.answer;
    },
    set answer(value) {
      state.answer = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value) {
      state.delayMs = value;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
