import { labelWordFor } from './label-word-model.js';
import { type ChatBody, lastUser, type ScriptedAnswer } from './openai-test-server.js';

/**
 * A deterministic scripted "model" whose answers depend on the prompt's format, so robustness checks
 * have a known right answer to find. It reads the first lower-case "good"/"bad" in the row's text
 * ("pos"/"neg", or the listed label word that means it), and
 * - answers the opposite label whenever the prompt uses " | " as a separator (a format it "fails" on);
 * - finds no word in upper-cased text, and then always answers "pos" (half the rows of a balanced set);
 * - answers the opposite label on the rows whose text says "item N" with N % 5 === 0 when the request's
 *   seed is odd (sampling noise: those rows flip between samples, the others never do).
 */
export function formatSensitiveModel(body: ChatBody): ScriptedAnswer | string {
  const input = lastUser(body);
  const word = /\b(good|bad)\b/.exec(input);
  if (!word) return labelWordFor(body, true);
  let positive = word[1] === 'good';
  if (input.includes(' | ')) positive = !positive;
  const item = /\bitem (\d+)\b/.exec(input);
  if (item && Number(item[1]) % 5 === 0 && (body.seed ?? 0) % 2 === 1) positive = !positive;
  return labelWordFor(body, positive);
}
