/**
 * The scripted front "models" (test/helpers/front-scripted-model.ts) over the bundled spam sample, as a
 * server of its own: `npx tsx bench/llm-front-server.ts` prints its base URL and serves until killed.
 * `cheap`, `flaky` and `big` have planted accuracies by few-shot k and sample seed, and prices in
 * FRONT_PRICES; latency 2 / 10 / 20 ms. For `modeldebug front --example spam` without a network.
 */
import { loadExample } from '../src/data/index.js';
import { FRONT_LATENCY_MS, frontModelFor } from '../test/helpers/front-scripted-model.js';
import { startTestServer } from '../test/helpers/openai-test-server.js';
import { isMainModule } from './shared/command-line.js';

export async function startSpamFrontServer() {
  const spam = await loadExample('spam');
  const column = spam.features.columns[0];
  const texts = Array.from(spam.features.data, (code) => column.levels![code]);
  const labels = Array.from(spam.labels.codes, (code) => spam.labels.classes[code]);
  return startTestServer({
    answer: frontModelFor(texts, labels),
    latencyFor: (body) => FRONT_LATENCY_MS[body.model] ?? 0,
  });
}

if (isMainModule(import.meta.url)) {
  const server = await startSpamFrontServer();
  process.stdout.write(`${server.baseURL}\n`);
}
