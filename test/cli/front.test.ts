import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontOutputSchema } from '../../src/cli/output-schemas/front-output.js';
import { reviewCsv } from '../analysis/llm-reviews.js';
import { FRONT_PRICES, frontScriptedModel } from '../helpers/front-scripted-model.js';
import { type ChatBody, startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

let server: TestServer;
let folder: string;
let csv: string;
const requests: ChatBody[] = [];
beforeAll(async () => {
  server = await startTestServer({
    answer: (body) => {
      requests.push(body);
      return frontScriptedModel(body);
    },
  });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-front-cli-'));
  csv = join(folder, 'reviews.csv');
  writeFileSync(csv, reviewCsv(200));
});
afterAll(() => server.close());

const model = (name: string) =>
  `llm(model=${name}, base_url=${server.baseURL}, temperature=0.7, template='Review: {{review}}', concurrency=32)`;
const args = (...extra: string[]) => [
  'front',
  csv,
  '--label',
  'y',
  '--text',
  'review',
  '--store',
  join(folder, 'store.sqlite'),
  '--model',
  model('cheap'),
  '--model',
  model('flaky'),
  '--maj',
  '1,3',
  '--prices',
  JSON.stringify(FRONT_PRICES),
  ...extra,
];

describe('modeldebug front', () => {
  it('prints the arms, the front and the race, and writes front.html with the chart and front.json', async () => {
    const out = join(folder, 'report');
    const result = await runCliAsync(args('--first-rung', '40', '--out', out));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/cheap · 0-shot · maj@1\s+200\s+0\.\d{3} \[/);
    expect(result.stdout).toMatch(/flaky · 0-shot · maj@1\s+40\s+.*stopped @1/);
    expect(result.stdout).toContain('  flaky · 0-shot · maj@1: stopped after rung 1 (beaten by cheap');
    expect(result.stdout).toContain(
      'front (cheapest first): cheap · 0-shot · maj@1  →  cheap · 0-shot · maj@3',
    );
    expect(result.stderr).toContain('rung 1: 40 rows × 4 arms');
    const html = readFileSync(join(out, 'front.html'), 'utf8');
    expect(html).toContain('data-chart="llm-front"');
    expect(html).toContain('cheap · 0-shot · maj@3');
    const document = frontOutputSchema.parse(JSON.parse(readFileSync(join(out, 'front.json'), 'utf8')));
    expect(document.front).toEqual(['cheap · 0-shot · maj@1', 'cheap · 0-shot · maj@3']);
  }, 120_000);

  it('answers a rerun from the run store: no HTTP call, the same front', async () => {
    const before = requests.length;
    const result = await runCliAsync(args('--first-rung', '40', '--json'));
    expect(result.status).toBe(0);
    const document = frontOutputSchema.parse(JSON.parse(result.stdout));
    expect(requests.length).toBe(before);
    expect(document.httpCalls).toBe(0);
    expect(document.front).toEqual(['cheap · 0-shot · maj@1', 'cheap · 0-shot · maj@3']);
  }, 120_000);

  it('stops at --max-cost and says what it cut', async () => {
    const result = await runCliAsync(args('--max-cost', '0.0005', '--no-cache', '--json'));
    expect(result.status).toBe(0);
    const document = frontOutputSchema.parse(JSON.parse(result.stdout));
    expect(document.spent!).toBeLessThanOrEqual(0.0005);
    expect(document.capCut?.reason).toMatch(/max cost \$0\.0005/);
  }, 120_000);

  it('refuses bad input in one line naming the flag', async () => {
    expectOneLineError(
      await runCliAsync(args('--prices', '{"cheap": {"input": -1, "output": 1}}')),
      '--prices',
      'cheap.input',
    );
    expectOneLineError(await runCliAsync(args('--shots', '0,x')), '--shots');
    expectOneLineError(await runCliAsync(args('--objectives', 'cost,latency')), '--objectives', 'accuracy');
    expectOneLineError(await runCliAsync(args('--objectives', 'accuracy,speed')), '--objectives', 'speed');
    expectOneLineError(
      await runCliAsync(args('--template', join(folder, 'missing.txt'))),
      '--template',
      'missing.txt',
    );
    expectOneLineError(
      await runCliAsync(['front', csv, '--label', 'y', '--model', model('nameless'), '--max-cost', '1']),
      '--prices',
      'nameless',
    );
  }, 120_000);
});
