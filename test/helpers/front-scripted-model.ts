import { type ChatBody, lastUser, type ScriptedAnswer } from './openai-test-server.js';

/**
 * A scripted "model" for the cost–accuracy front, whose accuracy is planted by model name, few-shot k
 * (the assistant turns before the row) and sample seed, so the right front is known:
 * - `cheap` is right with probability 0.70 + 0.04·k, drawn afresh per sample seed (maj@3 helps);
 * - `flaky` is right half the time whatever the prompt, the same rows every sample (maj@k cannot help);
 * - `big` is right with probability 0.99 − 0.025·k (examples confuse it), drawn per sample seed.
 * "Probability" is a hash of (model, row, seed) below the threshold, so every run answers the same.
 * Rows read `item N … good|bad` (pos|neg), as test/analysis/llm-reviews.ts writes them. Latency: cheap 2 ms, flaky 10 ms, big 20 ms.
 */
export const FRONT_MODELS = ['cheap', 'flaky', 'big'] as const;

/** $ per million tokens. */
export const FRONT_PRICES = {
  cheap: { input: 1, output: 4 },
  flaky: { input: 10, output: 40 },
  big: { input: 30, output: 120 },
} as const;

export const FRONT_LATENCY_MS: Record<string, number> = { cheap: 2, flaky: 10, big: 20 };

export function frontAccuracy(model: string, shots: number): number {
  if (model === 'cheap') return 0.7 + 0.04 * shots;
  if (model === 'big') return 0.99 - 0.025 * shots;
  return 0.5;
}

/** The planted answer for one row: the truth with the model's accuracy, else the other label. */
export function plantedAnswer(body: ChatBody, key: string, truth: string, other: string): string {
  const shots = body.messages.filter((message) => message.role === 'assistant').length;
  const seed = body.model === 'flaky' ? 0 : (body.seed ?? 0);
  return unitHash(`${body.model}|${key}|${seed}`) < frontAccuracy(body.model, shots) ? truth : other;
}

/** For test/analysis/llm-reviews.ts rows: the truth is the row's good|bad, the key its item number. */
export function frontScriptedModel(body: ChatBody): ScriptedAnswer | string {
  const input = lastUser(body);
  const truth = /\bgood\b/.test(input) ? 'pos' : 'neg';
  const item = /\bitem (\d+)\b/.exec(input)?.[1] ?? '0';
  return plantedAnswer(body, item, truth, truth === 'pos' ? 'neg' : 'pos');
}

/**
 * For rows of a labelled text file (the bundled spam sample): the row is the one whose text ends the
 * prompt's last user message; its index is the key. Two labels.
 */
export function frontModelFor(
  texts: readonly string[],
  labels: readonly string[],
): (body: ChatBody) => string {
  const classes = [...new Set(labels)].sort();
  return (body) => {
    const input = lastUser(body);
    const row = texts.findIndex((text) => input.endsWith(text));
    if (row < 0) return 'unknown';
    const truth = labels[row];
    return plantedAnswer(body, String(row), truth, classes.find((label) => label !== truth) ?? truth);
  };
}

/**
 * Models planted for racing on latency (test/analysis/llm/front-latency.test.ts): `slow` is accurate and
 * cheap but slow, `fast` less accurate and dear but quick, `worst` the worst on all three.
 */
export const LATENCY_MODELS: Record<string, { accuracy: number; latencyMs: number }> = {
  slow: { accuracy: 0.95, latencyMs: 400 },
  fast: { accuracy: 0.75, latencyMs: 1 },
  worst: { accuracy: 0.5, latencyMs: 400 },
};
export const LATENCY_PRICES = {
  slow: { input: 1, output: 4 },
  fast: { input: 10, output: 40 },
  worst: { input: 10, output: 40 },
} as const;

/** For test/analysis/llm-reviews.ts rows: right with the LATENCY_MODELS accuracy of the body's model. */
export function latencyScriptedModel(body: ChatBody): string {
  const input = lastUser(body);
  const truth = /\bgood\b/.test(input) ? 'pos' : 'neg';
  const item = /\bitem (\d+)\b/.exec(input)?.[1] ?? '0';
  const right = unitHash(`${body.model}|${item}|${body.seed ?? 0}`) < LATENCY_MODELS[body.model].accuracy;
  return right ? truth : truth === 'pos' ? 'neg' : 'pos';
}

/** The cost of one request as the test server bills it (prompt ≈ characters / 4, as it reports usage). */
export function billedCost(body: ChatBody, answer: string): number {
  const prices: Readonly<Record<string, { input: number; output: number }>> = {
    ...FRONT_PRICES,
    ...LATENCY_PRICES,
  };
  const price = prices[body.model];
  const chars = body.messages.reduce((sum, message) => sum + message.content.length, 0);
  const completion = Math.max(1, Math.ceil(answer.length / 4));
  return (Math.ceil(chars / 4) * price.input + completion * price.output) / 1e6;
}

/** FNV-1a of the text with murmur3's finaliser (texts that differ in one character land far apart), in [0, 1). */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
