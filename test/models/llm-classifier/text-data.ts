import type { Features } from '../../../src/core/features.js';
import { encodeLabels, type Labels } from '../../../src/core/labels.js';

/** A tiny sentiment set with a text column and a categorical one, cells as indices into levels. */
export function reviews(texts: readonly string[], sources: readonly string[], labels: readonly string[]) {
  const textLevels = [...new Set(texts)];
  const sourceLevels = [...new Set(sources)];
  const data = new Float64Array(texts.length * 3);
  texts.forEach((text, i) => {
    data[i * 3] = textLevels.indexOf(text);
    data[i * 3 + 1] = sourceLevels.indexOf(sources[i]);
    data[i * 3 + 2] = i % 5;
  });
  const features: Features = {
    rows: texts.length,
    cols: 3,
    data,
    columns: [
      { name: 'review', kind: 'text', levels: textLevels },
      { name: 'source', kind: 'categorical', levels: sourceLevels },
      { name: 'stars', kind: 'numeric' },
    ],
  };
  const y: Labels = encodeLabels(labels);
  return { features, labels: y };
}

export const TRAIN = reviews(
  [
    'great phone, love the battery',
    'terrible screen, broke in a week',
    'love it, great camera',
    'awful support and terrible battery',
    'great value',
    'broke after a day, awful',
  ],
  ['web', 'app', 'web', 'app', 'web', 'app'],
  ['pos', 'neg', 'pos', 'neg', 'pos', 'neg'],
);

export const TEST = reviews(
  ['great battery', 'awful screen', 'meh', 'refuse this', 'json please', 'broken server'],
  ['web', 'app', 'web', 'app', 'web', 'app'],
  ['pos', 'neg', 'pos', 'neg', 'pos', 'neg'],
);
