/**
 * Datasets with planted defects, each with its known answer: the finding code `run` should raise, and
 * the rows (0-based data rows of the file) and columns it should name. Clean controls plant nothing and
 * must raise none of the defect codes. Everything follows from one seed.
 */
import { createRng, type Rng } from '../../src/core/rng.js';

export interface PlantedDefect {
  readonly code: string;
  /** Rows of the data file the finding should name (empty: rows are not scored for this code). */
  readonly rows?: readonly number[];
  /** Rows of the test file the finding should name. */
  readonly testRows?: readonly number[];
  readonly columns?: readonly string[];
}

export interface DiagnosisCase {
  readonly name: string;
  readonly data: string;
  readonly test?: string;
  readonly label: string;
  /** Further `run` arguments the set-up needs (a model that under- or overfits). */
  readonly args?: readonly string[];
  /** Empty for a clean control. */
  readonly planted: readonly PlantedDefect[];
}

export interface PlantOptions {
  /** Rows of each base dataset; default 400. */
  readonly rows?: number;
  readonly seed?: number;
  /** Share of labels flipped in the label-noise case; default 0.05. */
  readonly noise?: number;
}

type Cell = string | number;
interface Table {
  readonly header: string[];
  readonly rows: Cell[][];
}

const LABEL = 'y';
const CLASSES = ['no', 'yes'];

/**
 * How far apart the class means are on each of the four informative features, in σ. Four features
 * 2.2 σ apart put the classes 4.4 σ apart: a Bayes error of Φ(−2.2) ≈ 1.4 %, so that a clean file has
 * few rows whose label even an ideal model doubts, and planted label noise stands out.
 */
const SEPARATION = 2.2;

/**
 * The clean base: two classes (balanced), four informative numeric features, one colour mildly tied to
 * the class, and the label last.
 */
function baseTable(rng: Rng, rows: number, shift = 0): Table {
  const header = ['x1', 'x2', 'x3', 'x4', 'colour', LABEL];
  const out: Cell[][] = [];
  for (let i = 0; i < rows; i++) {
    const y = i % 2;
    const xs = [0, 1, 2, 3].map((k) => round(rng.normal() + SEPARATION * y + (k === 0 ? shift : 0)));
    const colour = ['red', 'green', 'blue'][rng.next() < 0.5 ? y : rng.int(3)];
    out.push([...xs, colour, CLASSES[y]]);
  }
  return { header, rows: out };
}

export function plantedCases(options: PlantOptions = {}): DiagnosisCase[] {
  const n = options.rows ?? 400;
  const seed = options.seed ?? 0;
  const noise = options.noise ?? 0.05;
  const rng = createRng(seed);
  const cases: DiagnosisCase[] = [];
  const add = (name: string, table: Table, planted: PlantedDefect[], test?: Table, args?: string[]) =>
    cases.push({ name, data: toCsv(table), test: test && toCsv(test), label: LABEL, planted, args });

  add('clean', baseTable(rng.fork(), n), []);
  add('clean-with-test', baseTable(rng.fork(), n), [], baseTable(rng.fork(), Math.round(n / 2)));

  {
    const table = baseTable(rng.fork(), n);
    const r = rng.fork();
    const flipped = r
      .shuffle(Array.from({ length: n }, (_, i) => i))
      .slice(0, Math.round(noise * n))
      .sort((a, b) => a - b);
    for (const i of flipped) table.rows[i][5] = table.rows[i][5] === 'yes' ? 'no' : 'yes';
    // A clean test file keeps every row of the noisy file in the training rows the error analysis reads.
    add(
      'label-noise',
      table,
      [{ code: 'label_errors', rows: flipped }],
      baseTable(rng.fork(), Math.round(n / 2)),
    );
  }
  {
    const table = baseTable(rng.fork(), n);
    const copies = [3, 50, 120, 200].filter((i) => i < n);
    const rows = [...table.rows, ...copies.map((i) => [...table.rows[i]])];
    const appended = copies.map((_, k) => n + k);
    add('duplicates', { ...table, rows }, [{ code: 'duplicate_rows', rows: [...copies, ...appended] }]);
  }
  {
    const table = withColumn(baseTable(rng.fork(), n), 'account_status', (row, i) =>
      i % 50 === 7 ? 'closed' : row[5] === 'yes' ? 'active' : 'closed',
    );
    add('leak', table, [{ code: 'target_leak', columns: ['account_status'] }]);
  }
  {
    const r = rng.fork();
    const ids = r.shuffle(Array.from({ length: n }, (_, i) => 100000 + i));
    add(
      'id-column',
      withColumn(baseTable(rng.fork(), n), 'customer_id', (_, i) => `C${ids[i]}`),
      [{ code: 'id_column', columns: ['customer_id'] }],
    );
  }
  {
    const r = rng.fork();
    const day = Date.UTC(2019, 0, 1);
    add(
      'date-column',
      withColumn(baseTable(rng.fork(), n), 'signup', () =>
        new Date(day + r.int(1400) * 86_400_000).toISOString().slice(0, 10),
      ),
      [{ code: 'date_column', columns: ['signup'] }],
    );
  }
  {
    const r = rng.fork();
    add(
      'number-format',
      withColumn(baseTable(rng.fork(), n), 'income', (row) =>
        Math.round(45000 + (row[5] === 'yes' ? 12000 : 0) + 8000 * r.normal()).toLocaleString('en-US'),
      ),
      [{ code: 'number_format', columns: ['income'] }],
    );
  }
  {
    const table = baseTable(rng.fork(), n);
    // Sorted by a column that nearly gives the class away: folds taken in file order see one class each.
    table.rows.sort(
      (a, b) => Number(a[0]) + 3 * Number(a[5] === 'yes') - (Number(b[0]) + 3 * Number(b[5] === 'yes')),
    );
    add('sorted-file', table, [{ code: 'order_dependent' }]);
  }
  {
    const r = rng.fork();
    let table = baseTable(rng.fork(), n);
    const noiseColumns = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
    for (const name of noiseColumns) table = withColumn(table, name, () => round(r.normal()));
    add('useless-columns', table, [{ code: 'useless_features', columns: noiseColumns }]);
  }
  {
    const table = baseTable(rng.fork(), n);
    // Keep every "yes" row only one time in 20: about 1:20.
    const rows = table.rows.filter((row, i) => row[5] === 'no' || i % 40 === 1);
    add('imbalance', { ...table, rows }, [{ code: 'class_imbalance' }]);
  }
  {
    const table = baseTable(rng.fork(), n);
    const test = baseTable(rng.fork(), Math.round(n / 2));
    const shared = [0, 1, 2, 3, 4, 5].map((k) => k * 7);
    shared.forEach((t, k) => {
      test.rows[t] = [...table.rows[10 + k * 13]];
    });
    add('train-test-overlap', table, [{ code: 'train_test_overlap', testRows: shared }], test);
  }
  {
    const table = baseTable(rng.fork(), n);
    const spellings = ['NA', '', '?', 'null'];
    const holes = Array.from({ length: 16 }, (_, k) => k * 11).filter((i) => i < n);
    holes.forEach((i, k) => {
      table.rows[i][1] = spellings[k % spellings.length];
    });
    add('missing-spellings', table, [{ code: 'missing_values', columns: ['x2'], rows: holes }]);
  }
  {
    // The label hangs on the product of two features: no model with additive features can see it, so
    // linear and naive-Bayes models sit at chance on training and validation rows alike.
    // Three times the rows, so that the train/validation gap of a linear model is small and its bias shows.
    const r = rng.fork();
    const rows: Cell[][] = [];
    for (let i = 0; i < 3 * n; i++) {
      const a = r.normal();
      const b = r.normal();
      const y = a * b > 0 === r.next() < 0.9 ? 1 : 0;
      rows.push([round(a), round(b), CLASSES[y]]);
    }
    add('underfitting', { header: ['a', 'b', LABEL], rows }, [{ code: 'underfitting' }], undefined, [
      '--model',
      'scale | logreg(C=0.01)',
    ]);
  }
  {
    // Few rows, many weak features and an unpruned tree: it memorises the training rows.
    const r = rng.fork();
    const width = 40;
    const rows: Cell[][] = [];
    for (let i = 0; i < 80; i++) {
      const y = i % 2;
      rows.push([
        ...Array.from({ length: width }, (_, k) => round(r.normal() + (k < 3 ? 0.6 * y : 0))),
        CLASSES[y],
      ]);
    }
    const header = [...Array.from({ length: width }, (_, k) => `f${k}`), LABEL];
    add('overfitting', { header, rows }, [{ code: 'overfitting' }], undefined, [
      '--model',
      'tree(random_state=0)',
    ]);
  }
  add(
    'drift',
    baseTable(rng.fork(), n),
    [{ code: 'feature_drift', columns: ['x1'] }],
    baseTable(rng.fork(), Math.round(n / 2), 1.5),
  );
  add(
    'constant-column',
    withColumn(baseTable(rng.fork(), n), 'version', () => 'v1'),
    [{ code: 'constant_column', columns: ['version'] }],
  );
  {
    const r = rng.fork();
    add(
      'high-cardinality',
      withColumn(baseTable(rng.fork(), n), 'zip', () => `Z${String(r.int(150)).padStart(4, '0')}`),
      [{ code: 'high_cardinality', columns: ['zip'] }],
    );
  }
  return cases;
}

/** The codes the controls must not raise: every code a case above plants. */
export function defectCodes(cases: readonly DiagnosisCase[]): string[] {
  return [...new Set(cases.flatMap((c) => c.planted.map((p) => p.code)))].sort();
}

function withColumn(table: Table, name: string, value: (row: Cell[], i: number) => Cell): Table {
  const at = table.header.length - 1;
  return {
    header: [...table.header.slice(0, at), name, table.header[at]],
    rows: table.rows.map((row, i) => [...row.slice(0, at), value(row, i), row[at]]),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function toCsv(table: Table): string {
  const cell = (value: Cell) => {
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[table.header, ...table.rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
