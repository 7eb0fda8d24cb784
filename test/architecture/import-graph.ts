import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** One import of one file of src/ into another top-level folder of src/. */
export interface FolderImport {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

// Static `import … from`, `export … from`, side-effect `import '…'` and dynamic `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every import between top-level folders of `srcRoot`, read from the relative specifiers of its .ts files. */
export function folderImports(srcRoot: string): FolderImport[] {
  const found: FolderImport[] = [];
  for (const file of tsFiles(srcRoot)) {
    const from = topFolder(srcRoot, file);
    if (from === undefined) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const to = topFolder(srcRoot, normalize(join(dirname(file), match[1])));
      if (to !== undefined && to !== from) found.push({ file: relative(srcRoot, file), from, to });
    }
  }
  return found;
}

/**
 * The imports that break the layer order: a folder may import only folders listed before it. A folder
 * missing from the order is reported too, so a new folder has to be placed in the picture.
 */
export function layerViolations(imports: readonly FolderImport[], order: readonly string[]): string[] {
  const rank = new Map(order.map((folder, index) => [folder, index]));
  const problems = new Set<string>();
  for (const { file, from, to } of imports) {
    const fromRank = rank.get(from);
    const toRank = rank.get(to);
    if (fromRank === undefined) problems.add(`src/${from}/ is not in the layer order`);
    else if (toRank === undefined) problems.add(`src/${to}/ is not in the layer order`);
    else if (toRank > fromRank) problems.add(`${file} imports ${to}/, a layer above ${from}/`);
  }
  return [...problems].sort();
}

function tsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a path is in; undefined for files directly in src/ (the entry points). */
function topFolder(srcRoot: string, path: string): string | undefined {
  const parts = relative(srcRoot, path).split(sep);
  if (parts.length < 2 || parts[0] === '..') return undefined;
  return parts[0];
}
