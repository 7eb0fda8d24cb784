import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastUser, startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { runCliAsync } from './run-cli-async.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ answer: (body) => (lastUser(body).includes('money') ? 'spam' : 'ham') });
});
afterAll(async () => {
  await server.close();
});

describe('modeldebug run with an llm(...) model', () => {
  it('keeps the answers in the run store: the same run again makes no HTTP call', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-run-llm-'));
    const lines = ['text,label'];
    for (let i = 0; i < 40; i++)
      lines.push(`"message ${i}: ${i % 2 ? 'win money now' : 'notes attached'}",${i % 2 ? 'spam' : 'ham'}`);
    writeFileSync(join(folder, 'messages.csv'), `${lines.join('\n')}\n`);
    const config = join(folder, 'run.yaml');
    writeFileSync(
      config,
      [
        'data: { train: messages.csv, label: label, text: [text] }',
        `models: ["llm(model=m, base_url=${server.baseURL}, few_shot_k=0)"]`,
        'cv: 3',
        'steps: { validate: false, learning_curve: false, selection: false, error_analysis: { n_boot: 20 }, final_test: { n_boot: 20 } }',
        '',
      ].join('\n'),
    );
    const args = ['run', config, '--store', join(folder, 'runs.db'), '--out', join(folder, 'out'), '--quiet'];
    const first = await runCliAsync(args);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const calls = server.requests();
    expect(calls).toBeGreaterThan(0);
    const second = await runCliAsync(args);
    expect(second.status).toBe(0);
    expect(server.requests()).toBe(calls);
    expect(second.stdout).toContain('best model: llm(model=m');
  }, 180_000);
});
