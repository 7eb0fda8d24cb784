/**
 * Writes docs/models.md from the catalog's params schemas (the text `modeldebug models` prints):
 *   npx tsx scripts/generate-models-doc.ts
 * test/cli/models.test.ts fails when the page is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelsDoc } from '../src/cli/format/models-doc.js';

const file = fileURLToPath(new URL('../docs/models.md', import.meta.url));
writeFileSync(file, modelsDoc());
process.stdout.write(`wrote ${file}\n`);
