import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emailBody, prepareSpamSample, SPAM_SAMPLE_PATH } from '../../scripts/prepare-spam-example.js';
import { classCounts } from '../../src/core/labels.js';
import { loadExample } from '../../src/data/index.js';

describe('the bundled SpamAssassin sample (--example spam)', () => {
  it('loads 600 emails with a text column and both classes in the corpus proportions', async () => {
    const dataset = await loadExample('spam');
    expect(dataset.features.rows).toBe(600);
    expect(dataset.features.columns.map((column) => [column.name, column.kind])).toEqual([['text', 'text']]);
    expect(dataset.labels.classes).toEqual(['ham', 'spam']);
    // 1,896 of the 6,046 emails are spam: round(600 × 1896 / 6046) = 188.
    expect(Array.from(classCounts(dataset.labels))).toEqual([412, 188]);
  });

  it('is exactly what the committed preparation script writes from the package', () => {
    const sample = prepareSpamSample();
    expect(sample.corpusCounts).toEqual({ ham: 4150, spam: 1896 });
    expect(sample.csv).toBe(readFileSync(SPAM_SAMPLE_PATH, 'utf8'));
    expect(Buffer.byteLength(sample.csv)).toBeLessThan(1_000_000);
  }, 30_000);

  it('keeps the body only: headers dropped, the text part of a multipart message, QP decoded, HTML stripped', () => {
    const multipart = [
      'From: a@example.com',
      'Subject: hello',
      'Content-Type: multipart/alternative;',
      '\tboundary="XYZ"',
      '',
      'preamble',
      '--XYZ',
      'Content-Type: text/html',
      '',
      '<p>html part</p>',
      '--XYZ',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=E9 at 10, soft=',
      'break',
      '--XYZ--',
      '',
    ].join('\n');
    expect(emailBody(multipart)).toBe('Café at 10, softbreak');
    const html =
      'Subject: x\nContent-Type: text/html\n\n<html><style>p{}</style><b>Win</b> &amp; <i>save</i></html>';
    expect(emailBody(html)).toBe('Win & save');
    expect(emailBody('Subject: only headers\n')).toBe('');
  });
});
