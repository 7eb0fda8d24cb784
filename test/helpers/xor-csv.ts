import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../src/core/rng.js';

/**
 * Writes `dir`/xor.csv: the label hangs on the sign of a·b (XOR-like, 10 % flipped), so no linear model
 * can see it. `flipped` lists the 0-based data rows whose label was flipped.
 */
export function xorCsv(dir: string, rows: number, seed: number): string {
  return xorCsvWithFlips(dir, rows, seed).path;
}

export function xorCsvWithFlips(
  dir: string,
  rows: number,
  seed: number,
): { path: string; flipped: number[] } {
  const rng = createRng(seed);
  const lines = ['a,b,y'];
  const flipped: number[] = [];
  for (let i = 0; i < rows; i++) {
    const a = rng.normal();
    const b = rng.normal();
    const kept = rng.next() < 0.9;
    if (!kept) flipped.push(i);
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${a * b > 0 === kept ? 'yes' : 'no'}`);
  }
  const path = join(dir, 'xor.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, flipped };
}
