import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const library = read('../../docs/library.md');

/** Every name src/index.ts exports, values and types, read from its `export { … }` lists. */
function exportedNames(source: string): string[] {
  return [...source.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
    match[1]
      .split(',')
      .map((name) => name.trim().replace(/^type /, ''))
      .filter((name) => name !== ''),
  );
}

describe('docs/library.md and the public API', () => {
  it('lists exactly the names src/index.ts exports', () => {
    const section = library.slice(library.indexOf('## The public API'));
    const listItems = section.split('\n').filter((line) => /^(- | {2})/.test(line));
    const documented = listItems.flatMap((line) => [...line.matchAll(/`([A-Za-z]\w*)`/g)].map((m) => m[1]));
    const exported = exportedNames(read('../../src/index.ts'));
    expect(exported.length).toBeGreaterThan(50);
    expect([...documented].sort()).toEqual([...exported].sort());
  });

  it('imports in its examples only names the package exports', () => {
    const imported = [...library.matchAll(/import \{([^}]*)\} from 'modeldebug'/g)].flatMap((match) =>
      match[1]
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    );
    expect(imported.length).toBeGreaterThan(5);
    expect(imported.filter((name) => !(name in api))).toEqual([]);
  });
});
