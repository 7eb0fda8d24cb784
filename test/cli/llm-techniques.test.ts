import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldReader, reviewCsv } from '../analysis/llm-reviews.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { expectOneLineError } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

let server: TestServer;
let folder: string;
let csv: string;
beforeAll(async () => {
  server = await startTestServer({ answer: fieldReader });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-llm-cli-'));
  csv = join(folder, 'reviews.csv');
  writeFileSync(csv, reviewCsv());
  writeFileSync(join(folder, 'review.txt'), 'review: {{review}}\n');
  writeFileSync(join(folder, 'stars.txt'), 'stars: {{stars}}\n');
});
afterAll(() => server.close());

const llm = () => `llm(model=m, base_url=${server.baseURL})`;
const common = () => [csv, '--label', 'y', '--text', 'review', '--cv', '4'];

/** Requests the server received while `run` ran. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = server.requests();
  const result = await run();
  return { result, requests: server.requests() - before };
}

describe('LLM techniques on the command line', () => {
  it('searches prompt files x temperature x model; a rerun makes no HTTP call (the store caches)', async () => {
    const store = join(folder, 'search.sqlite');
    const args = [
      'search',
      ...common(),
      '--model',
      llm(),
      '--grid',
      `template=@${join(folder, 'review.txt')},@${join(folder, 'stars.txt')}`,
      '--grid',
      'temperature=0,0.7',
      '--grid',
      'model=m1,m2',
      '--jobs',
      '1',
      '--store',
      store,
      '--json',
    ];
    const first = await counted(() => runCliAsync(args));
    expect(first.result.stderr).toBe('');
    const json = JSON.parse(first.result.stdout);
    expect(json.bestParams.template).toBe(`@${join(folder, 'review.txt')}`);
    expect(json.bestScore).toBe(1);
    // 4 review configurations x 40 distinct prompts, + the stars prompts (2 texts per configuration).
    expect(first.requests).toBeGreaterThanOrEqual(4 * 40 + 4 * 2);
    const second = await counted(() => runCliAsync(args));
    expect(second.result.status).toBe(0);
    expect(second.requests).toBe(0);
    expect(JSON.parse(second.result.stdout).bestScore).toBe(1);
  });

  it('votes an LLM with TF-IDF and embedding linear models on a text column', async () => {
    const models = `${llm()};tfidf | logreg;embed(model=e, base_url=${server.baseURL}) | logreg`;
    const { result, requests } = await counted(() =>
      runCliAsync([
        'ensemble',
        ...common(),
        '--drop',
        'source',
        '--models',
        models,
        '--voting',
        'soft',
        '--json',
      ]),
    );
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.members.map((m: { name: string; spec: string }) => [m.name, m.spec])).toEqual([
      ['llm', `llm(model=m, base_url=${server.baseURL})`],
      ['logreg', 'tfidf | logreg'],
      ['logreg_2', `embed(model=e, base_url=${server.baseURL}) | logreg`],
    ]);
    // The LLM reads review and stars; TF-IDF the review words ("good"/"bad"): both get every row.
    expect(json.members[0].accuracyMean).toBe(1);
    expect(json.members[1].accuracyMean).toBe(1);
    expect(json.voting.accuracyMean).toBe(1);
    // One chat call per row, and one embeddings request for all 40 texts: refits of a member (each fold,
    // and the vote's own) reuse its cache.
    expect(requests).toBe(40 + 1);
  });

  it('ablates prompt fields and prints the elimination path', async () => {
    const store = join(folder, 'ablate.sqlite');
    const { result, requests } = await counted(() =>
      runCliAsync(['ablate', ...common(), '--model', llm(), '--store', store]),
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('elimination order (least useful first): source, stars, review');
    expect(result.stdout).toContain(
      'verdict: the prompt needs only {review} (1.0000 vs 1.0000 with all fields)',
    );
    expect(requests).toBeGreaterThan(0);
    const again = await counted(() =>
      runCliAsync(['ablate', ...common(), '--model', llm(), '--store', store]),
    );
    expect(again.requests).toBe(0);
    expect(again.result.stdout).toContain('LLM calls: 0 (240 answered from the cache)');
  });

  it('compares the LLM with tfidf | logreg by McNemar, in words', async () => {
    const tfidf = await runCliAsync([
      'compare',
      ...common(),
      '--drop',
      'source',
      '--drop',
      'stars',
      '--model',
      llm(),
      '--store',
      join(folder, 'compare.sqlite'),
    ]);
    expect(tfidf.stderr).toBe('');
    expect(tfidf.stdout).toContain('baseline: tfidf | logreg');
    expect(tfidf.stdout).toContain(
      'verdict: the LLM is not significantly different from a linear model on TF-IDF (p=1.0 ≥ 0.05;',
    );
  });

  it('compares with any classical baseline: both reading only the stars make the same mistakes', async () => {
    const result = await runCliAsync([
      'compare',
      ...common(),
      '--drop',
      'review',
      '--drop',
      'source',
      '--model',
      `llm(model=m, base_url=${server.baseURL}, template='stars: {{stars}}')`,
      '--baseline',
      'logreg',
      '--store',
      join(folder, 'compare.sqlite'),
    ]);
    expect(result.stderr).toBe('');
    // Both read only the stars: the same 10 mistakes.
    expect(result.stdout).toContain('only LLM 0, only baseline 0, both wrong 10');
    expect(result.stdout).toContain(
      'verdict: the LLM is not significantly different from a linear model (p=1.0 ≥ 0.05;',
    );
  });

  it('draws the few-shot and maj@k curves', async () => {
    const result = await runCliAsync([
      'curve',
      ...common(),
      '--model',
      llm(),
      '--few-shot',
      '0,2,4',
      '--maj-at-k',
      '3',
      '--store',
      join(folder, 'curve.sqlite'),
      '--json',
    ]);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.fewShot.points.map((p: { k: number }) => p.k)).toEqual([0, 2, 4]);
    expect(json.majorityAtK.points).toHaveLength(3);
  });

  it('says in one line when ablate is given a classical model', async () => {
    const result = await runCliAsync(['ablate', ...common(), '--model', 'logreg']);
    expectOneLineError(result, '--model', 'LLM classifier');
  });
});
