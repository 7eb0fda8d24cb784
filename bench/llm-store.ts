/**
 * The run store under an LLM run: 100,000 jobs through the engine (in-process provider, no HTTP) with the
 * response cache in the store and every finished item streamed into `llm_results`, for the peak heap and
 * RSS growth (flat: nothing accumulates in memory); and what one item's insert costs, committed on its
 * own versus batched in one transaction (the price of losing nothing to a SIGKILL).
 * `node --expose-gc --import tsx bench/llm-store.ts` adds the live heap after a full GC along the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLlmEngine, runChatJobs } from '../src/llm/index.js';
import type { LlmItemRecord } from '../src/models/llm-classifier/item-record.js';
import { openDatabase, openLlmResultLog, openRunStore } from '../src/store/index.js';
import { isMainModule } from './shared/command-line.js';
import { benchChatJobs, echoChatProvider } from './shared/echo-chat.js';

export interface LlmStoreFigures {
  readonly items: number;
  readonly seconds: number;
  readonly heapGrowthMb: number;
  readonly rssGrowthMb: number;
  /** Live heap growth after a full GC at 25k, 50k, 75k, 100k jobs (only under node --expose-gc). */
  readonly retainedMb: readonly number[];
  /** Microseconds per item insert, each its own transaction (what `eval` does) and all in one. */
  readonly autocommitMicros: number;
  readonly batchedMicros: number;
}

const item = (row: number): LlmItemRecord => ({
  row,
  sample: 0,
  outcome: 'label',
  label: 'spam',
  answer: 'spam',
  cached: false,
  promptTokens: 120,
  completionTokens: 1,
  costUsd: 0.00002,
});

export async function runLlmStoreBench(count = 100_000): Promise<LlmStoreFigures> {
  const folder = mkdtempSync(join(tmpdir(), 'modeldebug-bench-store-'));
  try {
    const store = openRunStore(join(folder, 'runs.db'));
    const run = store.createRun('eval', { bench: true });
    const log = store.llmResults(run.id);
    const engine = createLlmEngine({ maxConcurrency: 16, cache: store.llmCache() });
    globalThis.gc?.();
    const heapStart = process.memoryUsage().heapUsed;
    const rssStart = process.memoryUsage().rss;
    let heapPeak = heapStart;
    // With --expose-gc: the heap still live after a full GC every 25,000 jobs (flat = no leak per item).
    const retained: number[] = [];
    let rssPeak = rssStart;
    const started = performance.now();
    await runChatJobs(
      engine,
      echoChatProvider,
      benchChatJobs(count),
      (index, result) => {
        log.record({ ...item(index), answer: result.ok ? result.result.choices[0].text : 'error' });
      },
      {
        total: count,
        onProgress: (progress) => {
          if (progress.done % 5_000 !== 0) return;
          const usage = process.memoryUsage();
          heapPeak = Math.max(heapPeak, usage.heapUsed);
          rssPeak = Math.max(rssPeak, usage.rss);
          if (globalThis.gc && progress.done % 25_000 === 0) {
            globalThis.gc();
            retained.push((process.memoryUsage().heapUsed - heapStart) / 2 ** 20);
          }
        },
      },
    );
    const seconds = (performance.now() - started) / 1000;

    const inserts = 20_000;
    const autocommitRun = store.createRun('eval', {}).id;
    const batchedRun = store.createRun('eval', {}).id;
    store.close();
    const db = openDatabase(join(folder, 'runs.db'));
    const autocommitLog = openLlmResultLog(db, autocommitRun);
    let t = performance.now();
    for (let i = 0; i < inserts; i++) autocommitLog.record(item(i));
    const autocommitMicros = ((performance.now() - t) * 1000) / inserts;
    const batchedLog = openLlmResultLog(db, batchedRun);
    t = performance.now();
    db.transaction(() => {
      for (let i = 0; i < inserts; i++) batchedLog.record(item(i));
    })();
    const batchedMicros = ((performance.now() - t) * 1000) / inserts;
    db.close();

    const figures: LlmStoreFigures = {
      items: count,
      seconds,
      heapGrowthMb: (heapPeak - heapStart) / 2 ** 20,
      rssGrowthMb: (rssPeak - rssStart) / 2 ** 20,
      retainedMb: retained,
      autocommitMicros,
      batchedMicros,
    };
    console.log(`LLM run store: ${count.toLocaleString('en')} jobs, cache and per-item results in SQLite`);
    console.log(
      `  ${seconds.toFixed(1)} s; peak heap growth ${figures.heapGrowthMb.toFixed(1)} MB, RSS growth ${figures.rssGrowthMb.toFixed(1)} MB`,
    );
    if (retained.length > 0) {
      console.log(
        `  live heap after GC at 25k/50k/75k/100k jobs: ${retained.map((mb) => mb.toFixed(1)).join(' / ')} MB`,
      );
    }
    console.log(
      `  insert per item: ${autocommitMicros.toFixed(1)} µs committed alone (WAL, synchronous=NORMAL) vs ${batchedMicros.toFixed(1)} µs batched`,
    );
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) await runLlmStoreBench();
