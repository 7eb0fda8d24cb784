import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../src/core/rng.js';

/** Three balanced classes, each a shifted Gaussian blob in 4 columns: a linear model separates them well. */
export function writeBlobs(rows: number): string {
  const rng = createRng(11);
  const lines = ['a,b,c,d,y'];
  for (let i = 0; i < rows; i++) {
    const k = i % 3;
    const x = [rng.normal() + 2 * k, rng.normal() - 1.5 * k, rng.normal(), rng.normal()];
    lines.push([...x.map((v) => v.toFixed(4)), `class_${k}`].join(','));
  }
  const path = join(mkdtempSync(join(tmpdir(), 'md-race-')), 'blobs.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
