import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake OpenAI-compatible endpoint on 127.0.0.1 for tests: POST /v1/chat/completions answers from
 * a script of steps (a completion, a status with a body, a delay, a dropped connection). Every
 * request is recorded with its headers and parsed body so tests can check what was sent.
 */
export type FakeStep =
  | { kind: 'completion'; content: string; totalTokens?: number; delayMs?: number }
  | { kind: 'status'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'hang'; ms: number };

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; response_format?: unknown; max_tokens?: number };
}

export interface FakeOpenAiServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Steps answered in order; when they run out, `fallback` answers. */
  script(...steps: FakeStep[]): void;
  fallback: FakeStep;
  close(): Promise<void>;
}

export const completion = (content: string | object, totalTokens = 120): FakeStep => ({
  kind: 'completion',
  content: typeof content === 'string' ? content : JSON.stringify(content),
  totalTokens,
});

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const steps: FakeStep[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const state = { fallback: { kind: 'status', status: 500, body: { error: { message: 'no scripted answer' } } } as FakeStep };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      let body: RecordedRequest['body'] = {};
      try {
        body = JSON.parse(raw || '{}') as RecordedRequest['body'];
      } catch {
        body = {};
      }
      requests.push({ path: req.url ?? '', headers: req.headers, body });
      const step = steps.shift() ?? state.fallback;
      const reply = () => {
        if (step.kind === 'hang') return; // the client's timeout must fire
        if (step.kind === 'status') {
          res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
          res.end(JSON.stringify(step.body));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests.length}`,
            object: 'chat.completion',
            created: 1_700_000_000,
            model: body.model ?? 'fake',
            choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: step.content } }],
            usage: {
              prompt_tokens: Math.floor((step.totalTokens ?? 100) * 0.8),
              completion_tokens: Math.ceil((step.totalTokens ?? 100) * 0.2),
              total_tokens: step.totalTokens ?? 100,
            },
          }),
        );
      };
      const delay = step.kind === 'hang' ? step.ms : step.kind === 'completion' ? (step.delayMs ?? 0) : 0;
      if (delay > 0) setTimeout(reply, delay);
      else reply();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...more) => steps.push(...more),
    get fallback() {
      return state.fallback;
    },
    set fallback(step: FakeStep) {
      state.fallback = step;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
