import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/cli/output-schemas/index.js';
import { biasedLogprobModel, writeSignalMessages } from '../helpers/biased-logprob-model.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

let server: TestServer;
let folder: string;
let csv: string;
beforeAll(async () => {
  server = await startTestServer({ answer: biasedLogprobModel() });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-llm-calibrate-cli-'));
  csv = writeSignalMessages(join(folder, 'messages.csv'), 300, 5);
});
afterAll(() => server.close());

const args = (model: string, ...extra: string[]) => [
  'llm-calibrate',
  csv,
  '--label',
  'label',
  '--text',
  'text',
  '--cv',
  '4',
  '--store',
  join(folder, 'store.sqlite'),
  '--model',
  `llm(model=m, base_url=${server.baseURL}, ${model})`,
  ...extra,
];

describe('modeldebug llm-calibrate', () => {
  it('prints each method against the answers as configured, the content-free answer and the findings', async () => {
    const result = await runCliAsync(args('scoring=logprob'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("class probabilities from the label tokens' log-probabilities");
    expect(result.stdout).toMatch(/the answers as configured\s+\d\.\d{3} \[/);
    expect(result.stdout).toMatch(
      /contextual calibration\s+\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]\s+0\.\d{3} \[0\.\d{3},/,
    );
    // sigmoid(1.5) = 0.818: what the model says to "N/A", "" and "[MASK]".
    expect(result.stdout).toContain(
      'content-free answer ("N/A", "", "[MASK]"), mean over folds: ham 0.182, spam 0.818',
    );
    expect(result.stdout).toContain('llm_calibration_gain: ');
    expect(result.stdout).toContain('llm_miscalibrated: ');
  });

  it('writes a versioned camelCase JSON document that its schema accepts', async () => {
    const result = await runCliAsync(args('scoring=logprob', '--json'));
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(OUTPUT_SCHEMAS['llm-calibrate'].safeParse(json).success).toBe(true);
    expect(json).toMatchObject({ schema: 'modeldebug.llm-calibrate', version: 1, basis: 'logprob' });
    expect(json.methods.map((m: { method: string }) => m.method)).toEqual([
      'as-configured',
      'contextual',
      'bias',
    ]);
    expect(json.findings[0]).toMatchObject({ code: 'llm_calibration_gain', impact: { verified: true } });
    const keys = JSON.stringify(json).match(/"([^"]+)":/g) ?? [];
    expect(keys.filter((key) => key.includes('_'))).toEqual([]);
  });

  it('says in one line that one-hot answers have nothing to calibrate', async () => {
    expectOneLineError(
      await runCliAsync(args('probabilities=one-hot')),
      'no class probabilities to calibrate',
      "scoring='logprob'",
    );
  });
});
