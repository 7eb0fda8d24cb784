import { afterEach } from 'vitest';
import { startTestServer, type TestServer, type TestServerOptions } from './openai-test-server.js';

/**
 * For a test file that starts local OpenAI-compatible servers: the returned `start` works as
 * `startTestServer`, and every server a test started is closed after that test.
 */
export function useTestServer(): (options?: TestServerOptions) => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.close();
  });
  return async (options) => {
    const server = await startTestServer(options);
    started.push(server);
    return server;
  };
}
