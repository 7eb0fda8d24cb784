import type { LlmClassifierParams } from '../../../models/llm-classifier/params.js';
import type { PromptVariant } from './prompt-variants.js';

/**
 * Words that name the same class in other words (lower case). A class without an entry keeps its word;
 * the variant runs only when some class changes.
 */
const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['spam', 'junk'],
  ['ham', 'legitimate'],
  ['pos', 'positive'],
  ['neg', 'negative'],
  ['positive', 'favourable'],
  ['negative', 'unfavourable'],
  ['neutral', 'mixed'],
  ['yes', 'true'],
  ['no', 'false'],
  ['true', 'yes'],
  ['false', 'no'],
  ['good', 'fine'],
  ['bad', 'poor'],
  ['fraud', 'scam'],
  ['toxic', 'abusive'],
  ['relevant', 'related'],
  ['irrelevant', 'unrelated'],
]);

/** The synonym in the word's own casing (all capitals, a capital first, or as listed). */
function synonymOf(word: string): string | undefined {
  const synonym = SYNONYMS.get(word.toLowerCase());
  if (synonym === undefined) return undefined;
  if (word.length > 1 && word === word.toUpperCase()) return synonym.toUpperCase();
  if (word[0] === word[0].toUpperCase()) return synonym[0].toUpperCase() + synonym.slice(1);
  return synonym;
}

/** A record keyed by class name, re-keyed by the class's new word (only the classes it has). */
function rekeyed<T>(
  record: Readonly<Record<string, T>>,
  classes: readonly string[],
  words: readonly string[],
): Record<string, T> {
  return Object.fromEntries(
    classes.flatMap((name, k) => (Object.hasOwn(record, name) ? [[words[k], record[name]]] : [])),
  );
}

/**
 * Label-word swaps: the classes named by other words, the answers mapped back by class position, so a
 * model drawn to a word (answering "spam" because the word is in the prompt) loses or gains accuracy
 * here. Two swaps: letters (A, B, …, each described by the class's own word, as a multiple-choice
 * question reads) and synonyms ("spam" → "junk"). None with `parse: regex`, whose pattern is written
 * for the user's words.
 */
export function labelWordVariants(params: LlmClassifierParams, classes: readonly string[]): PromptVariant[] {
  if (params.parse === 'regex') return [];
  const variants: PromptVariant[] = [];
  const swap = (name: string, words: string[], descriptions: Record<string, string>) => {
    const distinct = new Set(words).size === words.length;
    if (!distinct || words.every((word, k) => word === classes[k])) return;
    variants.push({
      family: 'labels',
      name,
      classes: words,
      patch: { label_descriptions: descriptions, label_bias: rekeyed(params.label_bias, classes, words) },
    });
  };
  if (classes.length <= 26) {
    const letters = classes.map((_, k) => String.fromCharCode(65 + k));
    const described = classes.map((name) => {
      const description = Object.hasOwn(params.label_descriptions, name)
        ? params.label_descriptions[name]
        : '';
      return description ? `${name} (${description})` : name;
    });
    swap(
      'letters as label words',
      letters,
      Object.fromEntries(letters.map((letter, k) => [letter, described[k]])),
    );
  }
  const synonyms = classes.map((name) => synonymOf(name) ?? name);
  swap('synonyms as label words', synonyms, rekeyed(params.label_descriptions, classes, synonyms));
  return variants;
}
