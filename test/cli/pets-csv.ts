import { writeTempCsv } from './run-cli.js';

/** 40 cats and dogs in a temporary CSV: a numeric weight that tells them apart and a categorical colour. */
export function writePetsCsv(): string {
  return writeTempCsv(
    'pets.csv',
    `weight,colour,kind\n${Array.from({ length: 40 }, (_, i) => `${i % 2 ? 4 + (i % 5) : 20 + (i % 7)},${['red', 'blue', 'green'][i % 3]},${i % 2 ? 'cat' : 'dog'}`).join('\n')}\n`,
  );
}
