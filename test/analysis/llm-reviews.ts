import type { Features } from '../../src/core/features.js';
import { encodeLabels, type Labels } from '../../src/core/labels.js';
import { type ChatBody, lastUser, type ScriptedAnswer } from '../helpers/openai-test-server.js';

/**
 * 40 reviews, 20 pos and 20 neg, one distinct text each. `review` always says the class ("good"/"bad");
 * `stars` agrees with the class on 3 rows in 4 (row i % 4 === 3 has the wrong side of 3); `source` is noise.
 */
export function reviewRows(n = 40) {
  const labels = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'pos' : 'neg'));
  const texts = labels.map((label, i) => `item ${i} was ${label === 'pos' ? 'good' : 'bad'}`);
  const stars = labels.map((label, i) => ((label === 'pos') !== (i % 4 === 3) ? 4 : 2));
  const sources = labels.map((_, i) => (i % 3 === 0 ? 'web' : 'app'));
  return { labels, texts, stars, sources };
}

export function reviewDataset(n = 40): { features: Features; labels: Labels; texts: string[] } {
  const rows = reviewRows(n);
  const sourceLevels = ['app', 'web'];
  const data = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    data[i * 3] = i;
    data[i * 3 + 1] = sourceLevels.indexOf(rows.sources[i]);
    data[i * 3 + 2] = rows.stars[i];
  }
  return {
    features: {
      rows: n,
      cols: 3,
      data,
      columns: [
        { name: 'review', kind: 'text', levels: rows.texts },
        { name: 'source', kind: 'categorical', levels: sourceLevels },
        { name: 'stars', kind: 'numeric' },
      ],
    },
    labels: encodeLabels(rows.labels),
    texts: rows.texts,
  };
}

export function reviewCsv(n = 40): string {
  const rows = reviewRows(n);
  const lines = rows.labels.map(
    (label, i) => `"${rows.texts[i]}",${rows.sources[i]},${rows.stars[i]},${label}`,
  );
  return ['review,source,stars,y', ...lines, ''].join('\n');
}

/**
 * A scripted model that reads `review: …` and `stars: …` lines (the default template, or any template
 * that writes those lines): the review's word when it sees one, else stars ≥ 3 → pos, else "pos".
 */
export function fieldReader(body: ChatBody): ScriptedAnswer | string {
  const input = lastUser(body);
  const review = /review: .*\b(good|bad)\b/.exec(input);
  if (review) return review[1] === 'good' ? 'pos' : 'neg';
  const stars = /stars: (\d+)/.exec(input);
  if (stars) return Number(stars[1]) >= 3 ? 'pos' : 'neg';
  return 'pos';
}

/** The examples (user turns before the query) and the query of a chat request. */
export function examplesOf(body: ChatBody): { query: string; examples: string[] } {
  const users = body.messages.filter((message) => message.role === 'user').map((m) => m.content);
  return { query: users[users.length - 1], examples: users.slice(0, -1) };
}
