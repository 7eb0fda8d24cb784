/**
 * A seeded dataset with many classes, to see the report at scale (docs/report.md's screenshots):
 *   npx tsx scripts/generate-many-classes.ts <out.csv> [--classes 59] [--seed 0]
 * Gaussian blobs in 8 features, some of them overlapping (so classes get confused), class sizes from 6 to
 * 60 rows, and two classes of 2 rows (a stratified 20 % split leaves at least one with no test rows).
 * Half the class names are numbers ("7"), the others words, so the report must quote them to read well.
 */
import { writeFileSync } from 'node:fs';
import { createRng } from '../src/core/rng.js';

const FEATURES = 8;

function main(): number {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const output = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
  if (!output) {
    process.stderr.write(
      'usage: npx tsx scripts/generate-many-classes.ts <out.csv> [--classes 59] [--seed 0]\n',
    );
    return 2;
  }
  const classes = option('--classes', 59);
  const rng = createRng(option('--seed', 0));
  const names = Array.from({ length: classes }, (_, k) => (k % 2 === 0 ? String(k + 1) : `species_${k + 1}`));
  // Every third class sits next to the previous one: those pairs are the confusions to find.
  const centres = names.map(() => Array.from({ length: FEATURES }, () => rng.normal() * 4));
  for (let k = 3; k < classes; k += 3) centres[k] = centres[k - 1].map((x) => x + rng.normal() * 0.8);
  const lines = [[...Array.from({ length: FEATURES }, (_, j) => `f${j + 1}`), 'label'].join(',')];
  for (let k = 0; k < classes; k++) {
    const rows = k === 5 || k === 11 ? 2 : 6 + rng.int(55);
    for (let i = 0; i < rows; i++) {
      const cells = centres[k].map((centre) => (centre + rng.normal()).toFixed(3));
      lines.push([...cells, names[k]].join(','));
    }
  }
  writeFileSync(output, `${lines.join('\n')}\n`);
  process.stdout.write(`wrote ${output}: ${lines.length - 1} rows, ${classes} classes\n`);
  return 0;
}

process.exitCode = main();
