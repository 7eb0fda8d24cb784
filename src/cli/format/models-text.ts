import type { z } from 'zod';
import { CLASSIFIERS, ENSEMBLES, TRANSFORMERS } from '../../catalog/index.js';

/** What `modeldebug models` lists of one catalog entry. */
export interface CatalogEntry {
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly schema: z.ZodObject;
}

/** Every catalog entry with its role, in the order `modeldebug models` lists them. */
export function catalogEntries(): readonly { readonly role: string; readonly entry: CatalogEntry }[] {
  return [
    ...CLASSIFIERS.map((entry) => ({ role: 'classifier', entry })),
    ...ENSEMBLES.map((entry) => ({ role: 'ensemble', entry })),
    ...TRANSFORMERS.map((entry) => ({ role: 'transform', entry })),
  ];
}

/**
 * `modeldebug models` and docs/models.md: every entry's names and summary, then one line per param of
 * its schema with the default and the schema's `.describe()` text — the schema is the only source.
 */
export function formatModels(): string {
  return `${catalogEntries()
    .map(({ role, entry }) => formatEntry(entry, role))
    .join('\n\n')}\n`;
}

function formatEntry(entry: CatalogEntry, role: string): string {
  const aliases = entry.aliases.length > 1 ? ` (also ${entry.aliases.slice(1).join(', ')})` : '';
  const defaults: Record<string, unknown> = entry.schema.parse({});
  const params = Object.entries(entry.schema.shape).map(
    ([key, field]) => `  ${key}=${shown(defaults[key])}: ${field.description ?? '(no description)'}`,
  );
  return [`${entry.aliases[0]}${aliases}: ${role}, ${entry.summary}`, ...params].join('\n');
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
