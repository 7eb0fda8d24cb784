/** What `--json` prints: one indented JSON document and a newline. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A `--json` document that names itself: `schema` (`modeldebug.<output>`, its JSON Schema is
 * schemas/<output>.schema.json in the package) and `version`, then the output's fields.
 */
export function versionedDocument(output: string, version: number, value: object): string {
  return jsonDocument({ schema: `modeldebug.${output}`, version, ...value });
}
