import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modelsDoc } from '../../src/cli/format/models-doc.js';
import { catalogEntries, formatModels } from '../../src/cli/format/models-text.js';
import { runCli } from './run-cli.js';

describe('modeldebug models', () => {
  it('every param of every catalog entry has a description', () => {
    const undescribed = catalogEntries().flatMap(({ entry }) =>
      Object.entries(entry.schema.shape)
        .filter(([, field]) => !field.description)
        .map(([key]) => `${entry.aliases[0]}.${key}`),
    );
    expect(catalogEntries().length).toBeGreaterThan(20);
    expect(undescribed).toEqual([]);
  });

  it('lists every param with its default and description', () => {
    const text = formatModels().trimEnd();
    for (const { entry } of catalogEntries()) {
      const name = entry.aliases[0];
      const block = text
        .split('\n\n')
        .find((part) => part.startsWith(`${name}:`) || part.startsWith(`${name} (`));
      expect(block, name).toBeDefined();
      const listed = (block ?? '')
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split('=')[0]);
      expect(listed).toEqual(Object.keys(entry.schema.shape));
    }
    expect(text).toContain('  C=1: inverse regularization strength');
    expect(text).toContain('  voting=hard: hard (majority of the predicted labels)');
  });

  it('prints the same text on the command line', () => {
    const result = runCli(['models']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(formatModels());
  });

  it('keeps docs/models.md fresh (npx tsx scripts/generate-models-doc.ts)', () => {
    const page = readFileSync(fileURLToPath(new URL('../../docs/models.md', import.meta.url)), 'utf8');
    expect(page).toBe(modelsDoc());
  });
});
