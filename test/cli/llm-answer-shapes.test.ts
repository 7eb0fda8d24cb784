import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatBody } from '../helpers/openai-test-server.js';
import { spamAnswer, writeSpamMessages } from '../helpers/spam-messages.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { useTestServer } from '../helpers/use-test-server.js';
import { runCliAsync } from './run-cli-async.js';

const startServer = useTestServer();
const makeTempDir = useTempDir();

const SHAPES = [
  (label: string) => `Label: ${label}`,
  (label: string) => `**${label}**`,
  (label: string) => `Answer: ${label}.`,
  (label: string) => `"${label.toUpperCase()}"`,
];

/**
 * Issue 16.16 through the CLI: the endpoint answers in the shapes real models use; only the four
 * "maybe" answers (messages 40, 50, 60, 70) stay unparseable, as with bare labels.
 */
describe('modeldebug eval reads labels from shaped LLM answers', () => {
  it('counts Label: / **…** / Answer: …. / quoted answers as labels, "maybe" as unparseable', async () => {
    const dir = makeTempDir('modeldebug-llm-shapes-');
    const train = writeSpamMessages(join(dir, 'train.csv'), 0, 40);
    const test = writeSpamMessages(join(dir, 'test.csv'), 40, 40);
    let answered = 0;
    const answer = (body: ChatBody) => {
      const label = spamAnswer(body);
      return label === 'maybe' ? label : SHAPES[answered++ % SHAPES.length](label);
    };
    const server = await startServer({ answer });
    const args = ['eval', train, '--label', 'label', '--test', test, '--model', 'llm'];
    const result = await runCliAsync([
      ...args,
      '--param',
      `base_url=${server.baseURL}`,
      '--store',
      join(dir, 'r.db'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(answered).toBe(36);
    expect(result.stdout).toContain('36 labelled (0 wrong), 4 unparseable, 0 refused, 0 failed requests');
  }, 60_000);
});
