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

export function frontScriptedModel(body: ChatBody): ScriptedAnswer | string {
  const input = lastUser(body);
  const truth = /\bgood\b/.test(input) ? 'pos' : 'neg';
  const item = /\bitem (\d+)\b/.exec(input)?.[1] ?? '0';
  const shots = body.messages.filter((message) => message.role === 'assistant').length;
  const seed = body.model === 'flaky' ? 0 : (body.seed ?? 0);
  const right = unitHash(`${body.model}|${item}|${seed}`) < frontAccuracy(body.model, shots);
  return right ? truth : truth === 'pos' ? 'neg' : 'pos';
}

/** The cost of one request as the test server bills it (prompt ≈ characters / 4, as it reports usage). */
export function billedCost(body: ChatBody, answer: string): number {
  const price = FRONT_PRICES[body.model as keyof typeof FRONT_PRICES];
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
