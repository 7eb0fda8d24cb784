import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Features } from '../../src/core/features.js';
import { encodeLabels, type Labels } from '../../src/core/labels.js';
import { createRng } from '../../src/core/rng.js';
import { type ChatBody, lastUser, type ScriptedAnswer } from './openai-test-server.js';

/** The model's planted preference for "spam", in nats, added to every row's true log-odds. */
export const PLANTED_SPAM_BIAS = 1.5;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export interface SignalMessages {
  readonly texts: readonly string[];
  /** 'spam' | 'ham' per message. */
  readonly labels: readonly string[];
  /** The true log-odds of spam per message. */
  readonly signals: readonly number[];
}

/**
 * `count` messages: message i carries a signal z drawn uniformly from [-3, 3] (seeded), and its label
 * is drawn as spam with probability sigmoid(z) — so sigmoid(z) is the true, calibrated P(spam).
 */
export function signalMessages(count: number, seed = 0): SignalMessages {
  const rng = createRng(seed);
  const texts: string[] = [];
  const labels: string[] = [];
  const signals: number[] = [];
  for (let i = 0; i < count; i++) {
    const z = Number((-3 + 6 * rng.next()).toFixed(3));
    signals.push(z);
    labels.push(rng.next() < sigmoid(z) ? 'spam' : 'ham');
    texts.push(`message ${i}: signal ${z.toFixed(3)}`);
  }
  return { texts, labels, signals };
}

/** The messages as features (one text column, `text`) and labels. */
export function signalDataset(
  count: number,
  seed = 0,
): { features: Features; labels: Labels; messages: SignalMessages } {
  const messages = signalMessages(count, seed);
  const features: Features = {
    rows: count,
    cols: 1,
    data: Float64Array.from(messages.texts, (_, i) => i),
    columns: [{ name: 'text', kind: 'text', levels: messages.texts }],
  };
  return { messages, features, labels: encodeLabels(messages.labels) };
}

/** The messages as a `text,label` CSV; returns the path. */
export function writeSignalMessages(path: string, count: number, seed = 0): string {
  const { texts, labels } = signalMessages(count, seed);
  const lines = ['text,label', ...texts.map((text, i) => `"${text}",${labels[i]}`)];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * A scripted model that knows each message's true log-odds z (from "signal z"; a content-free input
 * has none, z = 0) but adds `bias` nats toward "spam": P(spam) = sigmoid(z + bias). With logprobs
 * asked, it returns both labels as first-token alternatives (" spam"/" ham", so leading spaces are
 * exercised); without, at temperature > 0 it samples its answer from that distribution, seeded by the
 * request's seed and text; at temperature 0 it answers the argmax. Contextual calibration then divides
 * out exactly sigmoid(bias), and a per-class bias fitted on labels should find -bias.
 */
export function biasedLogprobModel(bias = PLANTED_SPAM_BIAS): (body: ChatBody) => ScriptedAnswer {
  return (body) => {
    const signal = /signal (-?\d+(?:\.\d+)?)/.exec(lastUser(body));
    const z = signal ? Number(signal[1]) : 0;
    const pSpam = sigmoid(z + bias);
    let spam = pSpam >= 0.5;
    if (!body.logprobs && (body.temperature ?? 0) > 0) {
      const digest = createHash('sha256')
        .update(`${body.seed ?? 0}|${lastUser(body)}`)
        .digest();
      spam = digest.readUInt32BE(0) / 2 ** 32 < pSpam;
    }
    const alternatives = [
      { token: ' spam', logprob: Math.log(pSpam) },
      { token: ' ham', logprob: Math.log(1 - pSpam) },
    ];
    if (!spam) alternatives.reverse();
    return { content: spam ? 'spam' : 'ham', firstTokenTop: alternatives };
  };
}
