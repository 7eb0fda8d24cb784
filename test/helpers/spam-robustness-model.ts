import { listedLabels } from './label-word-model.js';
import { type ChatBody, lastUser } from './openai-test-server.js';

const MEANS: ReadonlyMap<string, 'ham' | 'spam'> = new Map([
  ['ham', 'ham'],
  ['legitimate', 'ham'],
  ['spam', 'spam'],
  ['junk', 'spam'],
]);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** How often each letter and digit occurs, case folded: unchanged by case, spacing, punctuation, typos. */
function charCounts(text: string): Int32Array {
  const counts = new Int32Array(ALPHABET.length);
  for (const char of text.toLowerCase()) {
    const at = ALPHABET.indexOf(char);
    if (at >= 0) counts[at]++;
  }
  return counts;
}

/** FNV-1a of the text: a stable pseudo-random choice of rows. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A deterministic scripted "model" for the spam sample (`truth`: each email's label by its text) with
 * one planted weakness per robustness family, so `modeldebug robust` has known answers to find:
 * - it finds the email in the prompt whatever the format, case, spacing, punctuation or typos (by its
 *   letter counts) and answers its label, wrong on the rows of hash % 13 === 3 (irreducible errors);
 * - format: with " | " as the separator it errs on the rows of hash % 4 === 0;
 * - label words: while the word "spam" (any case) is among the labels, it answers spam on the ham
 *   emails of hash % 5 === 1 — named by letters or synonyms, the classes lose the lure;
 * - input: upper-cased text it misreads on the rows of hash % 3 === 0;
 * - sampling: at an odd seed it flips the rows of hash % 10 === 7.
 * It answers the listed label word that means the class (a letter described by "ham" means ham).
 */
export function spamRobustnessModel(truth: ReadonlyMap<string, string>): (body: ChatBody) => string {
  const texts = [...truth.keys()];
  const counts = texts.map(charCounts);
  const find = (message: string): string | undefined => {
    const have = charCounts(message);
    let best: string | undefined;
    let bestExtra = Number.POSITIVE_INFINITY;
    counts.forEach((need, t) => {
      let extra = 0;
      for (let c = 0; c < need.length; c++) {
        if (have[c] < need[c]) return;
        extra += have[c] - need[c];
      }
      if (extra < bestExtra) [best, bestExtra] = [texts[t], extra];
    });
    return best;
  };
  return (body) => {
    const message = lastUser(body);
    const text = find(message);
    const labels = listedLabels(body);
    const wordFor = (label: string) =>
      labels.find((listed) => MEANS.get(listed.meaning.toLowerCase()) === label)?.word ?? label;
    if (text === undefined) return wordFor('ham');
    const truthLabel = truth.get(text)!;
    const h = hashOf(text);
    const lured = labels.some((listed) => listed.word.toLowerCase() === 'spam');
    if (lured && truthLabel === 'ham' && h % 5 === 1) return wordFor('spam');
    let right = h % 13 !== 3;
    if (message.includes(' | ') && h % 4 === 0) right = !right;
    const upperCased = !/[a-z]{4,}/.test(message.replace(/^\s*text\b/im, ''));
    if (upperCased && h % 3 === 0) right = !right;
    if ((body.seed ?? 0) % 2 === 1 && h % 10 === 7) right = !right;
    const other = truthLabel === 'ham' ? 'spam' : 'ham';
    return wordFor(right ? truthLabel : other);
  };
}
