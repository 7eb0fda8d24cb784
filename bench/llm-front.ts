/**
 * `npm run bench -- llm-front` (or `npx tsx bench/llm-front.ts`): the cost–accuracy race against the full
 * grid on the bundled spam sample (600 emails, 5 folds), 3 scripted models × few-shot 0,4 × maj@1,3 =
 * 12 arms, against the local test server (bench/llm-front-server.ts; no network). Both runs get a fresh
 * response cache (few rows repeat a prompt, so nearly every answer is a call). Prints each run's HTTP calls and answers,
 * their ratio, and whether the race found the same front arms as the grid. Counts, not timings, are the
 * figure of merit; the seconds are printed for information only.
 */
import { readFileSync } from 'node:fs';
import { type LlmFront, llmFront } from '../src/analysis/llm/front/index.js';
import { loadExample } from '../src/data/index.js';
import { createMemoryCache } from '../src/llm/index.js';
import { stratifiedKFold } from '../src/splits/index.js';
import { FRONT_PRICES } from '../test/helpers/front-scripted-model.js';
import { startSpamFrontServer } from './llm-front-server.js';
import { isMainModule } from './shared/command-line.js';

export interface LlmFrontBenchFigures {
  readonly raceCalls: number;
  readonly gridCalls: number;
  readonly raceAnswers: number;
  readonly gridAnswers: number;
  readonly sameFront: boolean;
}

export async function runLlmFrontBench(): Promise<LlmFrontBenchFigures> {
  const spam = await loadExample('spam');
  const { folds } = stratifiedKFold(spam.labels.codes, 5);
  const server = await startSpamFrontServer();
  const run = async (firstRung?: number): Promise<{ result: LlmFront; seconds: number }> => {
    const started = performance.now();
    const result = await llmFront(spam.features, spam.labels, {
      bases: ['cheap', 'flaky', 'big'].map((model) => ({
        name: model,
        params: { model, base_url: server.baseURL, temperature: 0.7, concurrency: 16 },
      })),
      shots: [0, 4],
      maj: [1, 3],
      prices: FRONT_PRICES,
      folds,
      firstRung,
      runtime: { cache: createMemoryCache() },
    });
    return { result, seconds: (performance.now() - started) / 1000 };
  };
  try {
    const race = await run();
    const grid = await run(spam.features.rows);
    const sameFront = JSON.stringify(race.result.front) === JSON.stringify(grid.result.front);
    const row = (name: string, r: { result: LlmFront; seconds: number }) =>
      `${name.padEnd(5)} ${String(r.result.httpCalls).padStart(10)} ${String(r.result.answers).padStart(8)} ${r.result.spent!.toFixed(2).padStart(9)} ${r.seconds.toFixed(1).padStart(8)}`;
    console.log(
      `spam sample, ${race.result.arms.length} arms, ${spam.features.rows} rows; load ${loadAverage()}`,
    );
    console.log('run   HTTP calls  answers  spent ($)  seconds');
    console.log(row('race', race));
    console.log(row('grid', grid));
    console.log(
      `race / grid: HTTP calls ${(race.result.httpCalls / grid.result.httpCalls).toFixed(3)}, answers ${(race.result.answers / grid.result.answers).toFixed(3)}`,
    );
    console.log(`same front arms: ${sameFront ? 'yes' : 'NO'}`);
    console.log(`  race: ${race.result.front.join('  →  ')}`);
    console.log(`  grid: ${grid.result.front.join('  →  ')}`);
    return {
      raceCalls: race.result.httpCalls,
      gridCalls: grid.result.httpCalls,
      raceAnswers: race.result.answers,
      gridAnswers: grid.result.answers,
      sameFront,
    };
  } finally {
    await server.close();
  }
}

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}

if (isMainModule(import.meta.url)) await runLlmFrontBench();
