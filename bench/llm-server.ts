/**
 * The test server in a process of its own for bench/llm.ts, so that its event loop does not share a
 * thread with the client being timed. Argument: JSON `{ latencyMs, faultRate, seed }`; prints its base
 * URL and serves until killed. Faults: half 429 with Retry-After 50 ms, half 500.
 */
import { createRng } from '../src/core/rng.js';
import { lastUser, startTestServer } from '../test/helpers/openai-test-server.js';

const { latencyMs, faultRate, seed } = JSON.parse(process.argv[2] ?? '{}') as {
  latencyMs: number;
  faultRate: number;
  seed: number;
};
const rng = createRng(seed);
const server = await startTestServer({
  answer: (body) => `echo ${lastUser(body)}`,
  latencyMs,
  fault: () => {
    const draw = rng.next();
    if (draw >= faultRate) return undefined;
    return draw < faultRate / 2
      ? { kind: 'status', status: 429, retryAfterSeconds: 0.05 }
      : { kind: 'status', status: 500 };
  },
});
process.stdout.write(`${server.baseURL}\n`);
