import { type ChatBody, lastUser } from './openai-test-server.js';

const POSITIVE = /^(pos|positive|favourable)$/i;
const NEGATIVE = /^(neg|negative|unfavourable)$/i;

/**
 * The labels the system message lists ("- word" or "- word: description"), each with what it means: its
 * description's first word when the label is a single letter (a letter described by "pos" means pos), else
 * the word itself.
 */
export function listedLabels(body: ChatBody): { word: string; meaning: string }[] {
  const system = body.messages.find((message) => message.role === 'system')?.content ?? '';
  return [...system.matchAll(/^- ([^:\n]+?)(?:: (.*))?$/gm)].map(([, word, description]) => ({
    word,
    meaning:
      /^[A-Z]$/.test(word) && description !== undefined ? (/^\w+/.exec(description)?.[0] ?? word) : word,
  }));
}

/** The listed word that means pos (or neg), as a model that reads the label list answers; else pos/neg. */
export function labelWordFor(body: ChatBody, positive: boolean): string {
  const means = positive ? POSITIVE : NEGATIVE;
  return listedLabels(body).find((label) => means.test(label.meaning))?.word ?? (positive ? 'pos' : 'neg');
}

/**
 * A scripted model with a planted label-word bias, for the review rows ("item N was good/bad"): it reads
 * the label list and answers the word that means the review's side, except that whenever the word "pos"
 * (in any case) is among the labels it answers "pos" on the rows "item N" with N % 4 === 1 (negative rows: wrong).
 * Named with other words (letters, synonyms) the classes lose the lure, and those rows come out right.
 */
export function labelWordBiasedModel(body: ChatBody): string {
  const input = lastUser(body);
  const item = /\bitem (\d+)\b/.exec(input);
  const lured = listedLabels(body).some((label) => label.word.toLowerCase() === 'pos');
  if (lured && item && Number(item[1]) % 4 === 1) return 'pos';
  return labelWordFor(body, /\bgood\b/.test(input));
}
