import { z } from 'zod';
import { OUTPUT_SCHEMAS } from './index.js';

/** Each output's JSON Schema file, by file name, as scripts/generate-json-schemas.ts writes them. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(OUTPUT_SCHEMAS).map(([name, schema]) => {
      const json = {
        title: `modeldebug.${name}`,
        ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }),
      };
      return [`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}
