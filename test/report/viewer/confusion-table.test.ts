import { describe, expect, it } from 'vitest';
import { confusionTable } from '../../../src/report/viewer/confusion-table.js';

describe('confusionTable', () => {
  it('heads the columns with the predicted labels when an LLM left rows unlabelled', () => {
    const html = confusionTable({
      labels: ['ham', 'spam'],
      predictedLabels: ['ham', 'spam', 'unparseable'],
      counts: [
        [5, 1, 2],
        [0, 4, 0],
      ],
    });
    const headers = [...html.matchAll(/<th>([^<]*)<\/th>/g)].map((match) => match[1]);
    expect(headers).toEqual(['true \\ predicted', 'ham', 'spam', 'unparseable', 'ham', 'spam']);
  });

  it('escapes labels from the data', () => {
    const html = confusionTable({ labels: ['<b>x</b>'], counts: [[1]] });
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
  });
});
