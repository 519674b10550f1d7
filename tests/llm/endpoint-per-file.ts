import { afterAll, afterEach, beforeAll } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../electron/core/test-utils/fake-openai-server';

/**
 * The fake OpenAI-compatible endpoint one test file talks to: started before the file's tests, closed after them,
 * and after each test its request log emptied and its fallback answer put back, so no test reads another's calls.
 * Returned at once so the file can name it at module level; using it before the file's `beforeAll` has run throws.
 */
export function fakeEndpointPerFile(): FakeOpenAiServer {
  let server: FakeOpenAiServer | undefined;
  let firstFallback: FakeOpenAiServer['fallback'] | undefined;
  const live = (): FakeOpenAiServer => {
    if (!server) throw new Error('The fake endpoint starts in beforeAll: use it inside a hook or a test');
    return server;
  };
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    firstFallback = server.fallback;
  });
  afterEach(() => {
    if (!server || !firstFallback) return;
    server.requests.length = 0;
    server.fallback = firstFallback;
  });
  afterAll(async () => {
    await server?.close();
    server = undefined;
  });
  return {
    get baseUrl() {
      return live().baseUrl;
    },
    get requests() {
      return live().requests;
    },
    script: (...steps) => live().script(...steps),
    get fallback() {
      return live().fallback;
    },
    set fallback(step) {
      live().fallback = step;
    },
    close: () => live().close(),
  };
}
