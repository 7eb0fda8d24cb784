import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spamAnswer, writeSpamMessages } from '../helpers/spam-messages.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { useTestServer } from '../helpers/use-test-server.js';
import { runCliAsync } from './run-cli-async.js';

const startServer = useTestServer();
const makeTempDir = useTempDir();

/**
 * Issue 16.1 through the CLI: the first answers send headers and then stall, or trickle a byte every
 * 50 ms; with timeout_ms=1500 each such call times out, is retried, and the run finishes — it used to
 * hang forever. (A loaded machine can time out a healthy call too, so the count is a lower bound.)
 */
describe('modeldebug eval against an endpoint whose body stalls', () => {
  it.each([
    ['stalls', { kind: 'stall-body' } as const],
    ['trickles', { kind: 'trickle', everyMs: 50 } as const],
  ])(
    'finishes when the body %s: those calls time out and are retried',
    async (_name, fault) => {
      const dir = makeTempDir('modeldebug-llm-stall-');
      const train = writeSpamMessages(join(dir, 'train.csv'), 0, 20);
      const test = writeSpamMessages(join(dir, 'test.csv'), 20, 20);
      const server = await startServer({ answer: spamAnswer, fault: (k) => (k < 3 ? fault : undefined) });
      const started = performance.now();
      const result = await runCliAsync([
        'eval',
        train,
        '--label',
        'label',
        '--test',
        test,
        '--model',
        'llm(timeout_ms=1500)',
        '--param',
        `base_url=${server.baseURL}`,
        '--store',
        join(dir, 'runs.db'),
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(server.requests()).toBeGreaterThanOrEqual(23);
      expect(result.stdout).toContain('0 failed');
      expect(performance.now() - started).toBeLessThan(30_000);
    },
    45_000,
  );
});
