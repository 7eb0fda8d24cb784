/**
 * `npx tsx bench/llm-folds.ts [repo ...]`: `modeldebug run` on 480 messages with only an LLM model
 * (5 folds), against the local test server answering after 50 ms, no cache; for each repo checkout given
 * (default: this one) the wall time of the comparison and learning-curve steps and of the whole run, the
 * HTTP calls made, and the floor calls × latency / concurrency. Timings are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastUser, startTestServer } from '../test/helpers/openai-test-server.js';

const ROWS = 480;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const here = fileURLToPath(new URL('..', import.meta.url));

function writeMessages(folder: string): string {
  const lines = ['text,label'];
  for (let i = 0; i < ROWS; i++) {
    const spam = i % 2 === 1;
    lines.push(
      `"message ${i}: ${spam ? 'win money now' : 'meeting notes attached'}",${spam ? 'spam' : 'ham'}`,
    );
  }
  const path = join(folder, 'messages.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Seconds per step, from the run's progress lines ("[3/11] baseline: …" then "…, 5.8 s"). */
function stepSeconds(stderr: string): Record<string, number> {
  const seconds: Record<string, number> = {};
  let step: string | undefined;
  for (const line of stderr.split(/[\r\n]+/)) {
    const started = /^\[\d+\/\d+\] ([a-z_]+):/.exec(line);
    if (started) step = started[1];
    const took = /([\d.]+) s$/.exec(line);
    if (took && step !== undefined) seconds[step] = Number(took[1]);
  }
  return seconds;
}

const folder = mkdtempSync(join(tmpdir(), 'modeldebug-bench-llm-folds-'));
const data = writeMessages(folder);
const server = await startTestServer({
  answer: (body) => (lastUser(body).includes('money') ? 'spam' : 'ham'),
  latencyMs: LATENCY_MS,
});
const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [here];
for (const root of roots) {
  const before = server.requests();
  const cache = process.env.BENCH_CACHE ?? 'none';
  const spec = `llm(model=bench, base_url=${server.baseURL}, cache=${cache}, concurrency=${CONCURRENCY})`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src', 'cli', 'main.ts'),
      'run',
      '--data',
      data,
      '--label',
      'label',
      '--text',
      'text',
      '--model',
      spec,
      '--out',
      join(folder, 'report'),
      '--no-store',
    ],
    { cwd: root, env: { ...process.env, OPENAI_API_KEY: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const [code] = (await once(child, 'exit')) as [number];
  const total = (performance.now() - started) / 1000;
  const calls = server.requests() - before;
  const floor = (calls * LATENCY_MS) / CONCURRENCY / 1000;
  const steps = stepSeconds(stderr);
  console.log(
    `${root}: exit ${code}, whole run ${total.toFixed(1)} s, ${calls} calls (floor ${floor.toFixed(1)} s); ` +
      `baseline ${steps.baseline} s, learning_curve ${steps.learning_curve} s, error_analysis ${steps.error_analysis} s; ` +
      `load ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
  );
}
await server.close();
