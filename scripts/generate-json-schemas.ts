/**
 * Writes the JSON Schema of every JSON document modeldebug prints (src/cli/output-schemas) to
 * schemas/<name>.schema.json, shipped in the package:
 *   npx tsx scripts/generate-json-schemas.ts
 * test/cli/json-output-schemas.test.ts fails when a file here is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../src/cli/output-schemas/json-schema-files.js';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
mkdirSync(folder, { recursive: true });
for (const [file, text] of Object.entries(jsonSchemaFiles())) writeFileSync(join(folder, file), text);
process.stdout.write(`wrote ${Object.keys(jsonSchemaFiles()).length} schemas to ${folder}\n`);
