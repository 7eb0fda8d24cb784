import { describe, expect, it } from 'vitest';
import { type Finding, validateData } from '../../src/data/index.js';
import { tempFile } from './load-helpers.js';

const WORDS =
  'the quick brown fox jumps over lazy dog product great terrible service delivery fast slow price'.split(
    ' ',
  );

/** 120 reviews of 8-19 words drawn by a fixed linear congruential sequence: distinct, similar lengths. */
function reviews(): string[] {
  let state = 7;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536); // the low bits of this generator repeat quickly
  };
  return Array.from({ length: 120 }, () =>
    Array.from({ length: 8 + (next() % 12) }, () => WORDS[next() % WORDS.length]).join(' '),
  );
}

async function textFindings(texts: readonly string[]): Promise<Finding[]> {
  const csv = `review,y\n${texts.map((text, i) => `"${text}",${i % 2}`).join('\n')}\n`;
  const report = await validateData(tempFile('reviews.csv', csv), { label: 'y', text: ['review'] });
  return report.findings.filter((finding) => finding.check.startsWith('text_') && finding.status !== 'pass');
}

describe('text checks', () => {
  it('distinct reviews of ordinary length raise nothing', async () => {
    expect(await textFindings(reviews())).toEqual([]);
  });

  it('finds empty texts and a length outlier', async () => {
    const texts = reviews();
    texts[30] = '';
    texts[40] = Array(300).fill('word').join(' ');
    const findings = await textFindings(texts);
    expect(findings.map((finding) => finding.message)).toEqual([
      '1 texts (0.8%) are empty or a missing marker',
      expect.stringMatching(/^1 texts have a length outside/),
    ]);
    expect(findings[1].evidence.examples).toEqual([{ row: 41, length: 1499 }]);
  });

  it('finds exact duplicates after normalisation and near-duplicates by MinHash', async () => {
    const texts = reviews();
    texts[10] = `${texts[3].toUpperCase()}!!`;
    texts[20] = `${texts[5]} ok`;
    const findings = await textFindings(texts);
    const [exact, near] = findings;
    expect(exact.evidence).toMatchObject({ duplicates: 1, examples: [{ rows: [4, 11] }] });
    expect(near.evidence).toMatchObject({ pairs: 1, rows: 2 });
    expect(near.evidence.examples).toEqual([{ rows: [6, 21], similarity: expect.any(Number) }]);
  });
});
