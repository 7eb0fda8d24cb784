/**
 * `npx tsx bench/llm.ts`: the LLM call engine against the local test server (no network). Three figures:
 * 2,000 items at 100 ms latency and concurrency 16 against the ideal N × latency / concurrency (goal
 * ≤ 1.1×); the cached rerun (goal < 2 s); and with 10 % injected 429/500 faults (goal: no item lost,
 * ≤ 1.3× ideal). Timings are printed, never asserted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  createLlmEngine,
  createMemoryCache,
  createOpenAIProvider,
  type ResponseCache,
  type RunSummary,
  runChatJobs,
} from '../src/llm/index.js';
import { isMainModule } from './shared/command-line.js';
import { benchChatJobs, echoChatProvider } from './shared/echo-chat.js';

const ITEMS = 2_000;
const LATENCY_MS = 100;
const CONCURRENCY = 16;

export interface LlmBenchFigures {
  readonly idealSeconds: number;
  /** Bare `fetch` at the same concurrency against the same server: the machine's floor. */
  readonly floorSeconds: number;
  readonly cleanSeconds: number;
  readonly cachedSeconds: number;
  readonly faultySeconds: number;
  readonly faultsInjected: number;
  readonly itemsLost: number;
  /** Peak heap growth over 100,000 jobs through the engine with an in-process provider, in MB. */
  readonly heapGrowthMb: number;
}

/** 100,000 jobs through the engine against an in-process provider (no HTTP): the engine's own memory. */
async function heapGrowthOver(count: number): Promise<number> {
  const engine = createLlmEngine({ maxConcurrency: CONCURRENCY });
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  await runChatJobs(engine, echoChatProvider, benchChatJobs(count), () => {}, {
    total: count,
    onProgress: (progress) => {
      if (progress.done % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  return (peak - start) / 2 ** 20;
}

interface BenchServer {
  readonly baseURL: string;
  readonly process: ChildProcess;
}

async function startServer(latencyMs: number, faultRate: number): Promise<BenchServer> {
  const script = fileURLToPath(new URL('./llm-server.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify({ latencyMs, faultRate, seed: 7 })],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { baseURL: chunk.toString().trim(), process: child };
}

async function stopServer(server: BenchServer): Promise<void> {
  server.process.kill();
  await once(server.process, 'exit');
}

async function timedRun(
  baseURL: string,
  cache: ResponseCache | undefined,
): Promise<{ seconds: number; summary: RunSummary; answered: number; httpCalls: number }> {
  const engine = createLlmEngine({
    maxConcurrency: CONCURRENCY,
    cache,
    policy: { baseDelayMs: 50, maxDelayMs: 2_000, timeoutMs: 5_000, maxAttempts: 8 },
  });
  let httpCalls = 0;
  const provider = createOpenAIProvider({
    baseURL,
    fetch: (input, init) => {
      httpCalls++;
      return fetch(input, init);
    },
  });
  let answered = 0;
  const started = performance.now();
  const summary = await runChatJobs(
    engine,
    provider,
    benchChatJobs(ITEMS),
    (_i, result) => {
      if (result.ok) answered++;
    },
    { total: ITEMS },
  );
  return { seconds: (performance.now() - started) / 1000, summary, answered, httpCalls };
}

/** The same requests with bare `fetch` at the same concurrency: what this machine's loopback allows. */
async function bareFetchSeconds(baseURL: string): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < ITEMS) {
      const i = next++;
      const response = await fetch(`${baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: `bare ${i}` }] }),
      });
      await response.json();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return (performance.now() - started) / 1000;
}

export async function runLlmBench(): Promise<LlmBenchFigures> {
  const idealSeconds = (ITEMS * LATENCY_MS) / CONCURRENCY / 1000;

  const clean = await startServer(LATENCY_MS, 0);
  const floorSeconds = await bareFetchSeconds(clean.baseURL);
  const cache = createMemoryCache();
  const first = await timedRun(clean.baseURL, cache);
  const cached = await timedRun(clean.baseURL, cache);
  await stopServer(clean);

  const faulty = await startServer(LATENCY_MS, 0.1);
  const withFaults = await timedRun(faulty.baseURL, undefined);
  await stopServer(faulty);
  const faultsInjected = withFaults.httpCalls - ITEMS;
  const heapGrowthMb = await heapGrowthOver(100_000);

  const figures: LlmBenchFigures = {
    idealSeconds,
    floorSeconds,
    cleanSeconds: first.seconds,
    cachedSeconds: cached.seconds,
    faultySeconds: withFaults.seconds,
    faultsInjected,
    itemsLost: ITEMS - withFaults.answered,
    heapGrowthMb,
  };
  const ratio = (seconds: number) => (seconds / idealSeconds).toFixed(3);
  console.log(`LLM engine: ${ITEMS} items, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}`);
  console.log(`  ideal N x latency / concurrency   ${idealSeconds.toFixed(2)} s`);
  console.log(
    `  bare fetch, no engine (floor)     ${floorSeconds.toFixed(2)} s = ${ratio(floorSeconds)}x ideal`,
  );
  console.log(
    `  clean run                         ${first.seconds.toFixed(2)} s = ${ratio(first.seconds)}x ideal (goal <= 1.1x)`,
  );
  console.log(
    `  cached rerun                      ${cached.seconds.toFixed(3)} s, ${cached.httpCalls} HTTP calls (goal < 2 s, 0 calls)`,
  );
  console.log(
    `  10% 429/500 faults (${faultsInjected})   ${withFaults.seconds.toFixed(2)} s = ${ratio(withFaults.seconds)}x ideal, ${figures.itemsLost} items lost (goal <= 1.3x, 0 lost)`,
  );
  console.log(
    `  100,000 jobs, in-process provider   peak heap growth ${heapGrowthMb.toFixed(1)} MB (flat: jobs stream in, results stream out)`,
  );
  return figures;
}

if (isMainModule(import.meta.url)) await runLlmBench();
