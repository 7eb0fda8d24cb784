import type { Dataset } from '../../src/data/index.js';
import type { ChatBody } from './openai-test-server.js';

/** The phrase whose presence in the instruction fixes the planted errors. */
export const KEY_PHRASE = 'mailing list';

/** Marks the proposer's prompt (see proposer-messages.ts), so one server can play both roles. */
const PROPOSER_MARKER = 'You improve the instruction of a text classifier';

const HELPFUL =
  'Classify each email as ham or spam. Posts to a mailing list that share links are ham: answer spam only for unsolicited advertising or scams.\nLabels:\n{{labels}}\nAnswer with the label only.';
const USELESS =
  'Read the email carefully before you answer.\nLabels:\n{{labels}}\nAnswer with the label only.';

/** Each row's text in a dataset's `text` column. */
export function textsOf(dataset: Dataset, column = 'text'): string[] {
  const { features } = dataset;
  const j = features.columns.findIndex((c) => c.name === column);
  const levels = features.columns[j].levels ?? [];
  return Array.from(dataset.labels.codes, (_, i) => levels[features.data[i * features.cols + j]] ?? '');
}

/** The label of each text of a dataset's `text` column: the scripted model's answer key. */
export function truthOf(dataset: Dataset, column = 'text'): Map<string, string> {
  const texts = textsOf(dataset, column);
  return new Map(texts.map((text, i) => [text, dataset.labels.classes[dataset.labels.codes[i]]]));
}

/** FNV-1a: a stable pseudo-random split of the rows from their text alone. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A ham email with a link and a hash ≡ 0 (mod 3): the rows the model gets wrong unless helped. */
export function isPlantedHardRow(text: string, label: string): boolean {
  return label === 'ham' && /https?:\/\//.test(text) && hashOf(text) % 3 === 0;
}

/** Rows a model whose name says "mini" gets wrong, and rows a temperature above 0 flips. */
const weakModelRow = (text: string) => hashOf(text) % 7 === 1;
const samplingNoiseRow = (text: string) => hashOf(text) % 5 === 2;

/**
 * A deterministic scripted "model" that knows every row's label (`truth`, by text) and errs only where
 * planted, so each remedy has a known right answer:
 * - planted hard rows (isPlantedHardRow) are answered wrong unless the instruction (system message)
 *   names KEY_PHRASE, or the prompt shows at least two examples, all labelled right;
 * - a model name containing "mini" also errs on the weakModelRow rows;
 * - a temperature above 0 errs on the samplingNoiseRow rows;
 * - a template with " | " as separator (a format it fails on) errs on the rows of even hash.
 * Each weakness makes its rows wrong (never right again), so undoing one helps the rows no other hits.
 * A request carrying the proposer's prompt gets `proposer(body)` instead.
 */
export function instructionSensitiveModel(
  truth: ReadonlyMap<string, string>,
  proposer: (body: ChatBody) => string = helpfulProposer,
): (body: ChatBody) => string {
  // Many emails end in the same list footer: a suffix names candidates, the longest whole match wins.
  const bySuffix = new Map<string, string[]>();
  for (const text of truth.keys()) {
    const key = text.slice(-40);
    bySuffix.set(key, [...(bySuffix.get(key) ?? []), text]);
  }
  const suffixLengths = [...new Set([...truth.keys()].map((text) => Math.min(text.length, 40)))];
  const find = (message: string): string | undefined => {
    let found: string | undefined;
    for (const length of suffixLengths) {
      for (const text of bySuffix.get(message.slice(-length)) ?? []) {
        if (message.endsWith(text) && text.length > (found?.length ?? -1)) found = text;
      }
    }
    return found;
  };
  return (body) => {
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    if (system.includes(PROPOSER_MARKER)) return proposer(body);
    const turns = body.messages.filter((m) => m.role !== 'system');
    const query = turns[turns.length - 1]?.content ?? '';
    const text = find(query);
    if (text === undefined) return 'ham';
    const label = truth.get(text) as string;
    const other = label === 'ham' ? 'spam' : 'ham';
    const examples = turns.slice(0, -1);
    const rightExamples =
      examples.length >= 4 &&
      examples.every((m, i) => {
        if (i % 2 === 1) return true;
        const shown = find(m.content);
        return shown !== undefined && truth.get(shown) === examples[i + 1]?.content;
      });
    let right = true;
    if (isPlantedHardRow(text, label) && !system.toLowerCase().includes(KEY_PHRASE) && !rightExamples)
      right = false;
    if (body.model.includes('mini') && weakModelRow(text)) right = false;
    if ((body.temperature ?? 0) > 0 && samplingNoiseRow(text)) right = false;
    const templateText = query.slice(0, query.length - text.length);
    if (templateText.includes(' | ') && hashOf(text) % 2 === 0) right = false;
    return right ? label : other;
  };
}

/**
 * The scripted proposer: when its prompt shows ham emails answered "spam" (the planted confusion pair),
 * one of its instructions names the key phrase; the other is useless either way.
 */
export function helpfulProposer(body: ChatBody): string {
  const prompt = body.messages.map((m) => m.content).join('\n');
  const sawPair = prompt.includes('true label "ham", answered "spam"');
  return JSON.stringify({ instructions: sawPair ? [USELESS, HELPFUL] : [USELESS] });
}

/** A proposer whose instructions never name the key phrase. */
export function uselessProposer(): string {
  return JSON.stringify({ instructions: [USELESS, USELESS.replace('carefully', 'slowly')] });
}
