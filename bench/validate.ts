/**
 * `modeldebug validate` vs pandas (read_csv, isnull().sum(), duplicated().sum(), drop_duplicates()) on
 * the same 1,000,000 x 10 CSV in one run, as whole processes (wall time, start-up included) and as the
 * work alone (our report's seconds vs the peer's timer). Ours runs as users run it, the built CLI
 * (`node dist/cli/main.js`, rebuilt first so that it is the working tree): through tsx, transpiling
 * the sources at start-up would add about 0.6 s that no user pays. Then a 10,000,000-row validation
 * under /usr/bin/time -v for peak RSS. Run directly with `npx tsx bench/validate.ts [--rows N]
 * [--big N]` (`--big 0` skips the 10M run), or call `runValidateBench()` (bench/run.ts does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { benchDir } from './shared/data.js';
import { runPeer } from './shared/peer.js';
import { makeValidateData } from './validate-make-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ValidateBenchOptions {
  readonly rows?: number;
  /** Rows of the peak-memory run; 0 skips it. */
  readonly bigRows?: number;
  readonly log?: (line: string) => void;
}

export interface ValidateBenchResult {
  readonly rows: number;
  readonly oursWall: number;
  readonly oursWork: number;
  readonly pandasWall?: number;
  readonly pandasWork?: number;
  readonly ratioWall?: number;
  readonly ratioWork?: number;
  readonly duplicatesOurs: number;
  readonly duplicatesPandas?: number;
  readonly big?: { readonly rows: number; readonly wall: number; readonly peakRssMb: number };
  readonly pandasSkipped?: string;
}

export async function runValidateBench(options: ValidateBenchOptions = {}): Promise<ValidateBenchResult> {
  const rows = options.rows ?? 1_000_000;
  const bigRows = options.bigRows ?? 10_000_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const csv = `${benchDir}data/validate_${rows}.csv`;
  if (!existsSync(csv)) log(`making ${csv} …`);
  await makeValidateData(csv, rows);

  buildCli(log);
  const ours = runOurs(csv);
  const peer = runPandas(csv);
  const result: ValidateBenchResult = {
    rows,
    oursWall: ours.wall,
    oursWork: ours.report.seconds,
    duplicatesOurs: ours.duplicates,
    pandasWall: peer.wall,
    pandasWork: peer.result?.seconds,
    duplicatesPandas: peer.result?.duplicates,
    ratioWall: peer.wall === undefined ? undefined : ours.wall / peer.wall,
    ratioWork: peer.result === undefined ? undefined : ours.report.seconds / peer.result.seconds,
    pandasSkipped: peer.skipped,
    big: bigRows > 0 ? await runBig(bigRows, log) : undefined,
  };
  log(
    `validate bench: ${rows.toLocaleString('en-US')} rows x 10 columns (nulls, 2 % duplicates, a mixed-type column)`,
  );
  log(
    `  ours   wall ${result.oursWall.toFixed(2)}s  work ${result.oursWork.toFixed(2)}s  (${ours.findings} findings, ${result.duplicatesOurs} duplicate rows)`,
  );
  if (peer.result && peer.wall !== undefined) {
    log(
      `  pandas wall ${peer.wall.toFixed(2)}s  work ${peer.result.seconds.toFixed(2)}s  (${peer.result.duplicates} duplicate rows)`,
    );
    log(
      `  ratio ours / pandas: wall ${result.ratioWall?.toFixed(2)}x, work ${result.ratioWork?.toFixed(2)}x (goal <= 0.3x)`,
    );
  } else log(`  pandas skipped (${peer.skipped})`);
  if (result.big) {
    log(
      `  ${result.big.rows.toLocaleString('en-US')} rows: wall ${result.big.wall.toFixed(1)}s, peak RSS ${result.big.peakRssMb.toFixed(0)} MB (goal < 2048 MB)`,
    );
  }
  return result;
}

interface OurRun {
  readonly wall: number;
  readonly report: { seconds: number };
  readonly duplicates: number;
  readonly findings: number;
}

/** Builds dist/ from the working tree (tsup, as `npm run build`), so the timed CLI is current. */
function buildCli(log: (line: string) => void): void {
  log('building dist/ (tsup) …');
  const build = spawnSync('npx', ['tsup', '--silent'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsup failed: ${build.stderr.slice(-500)}`);
}

function cliArgs(csv: string): string[] {
  return [`${root}dist/cli/main.js`, 'validate', csv, '--label', 'label', '--json', '--fail-on', 'never'];
}

function runOurs(csv: string): OurRun {
  const start = performance.now();
  const run = spawnSync(process.execPath, cliArgs(csv), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`modeldebug validate failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    seconds: number;
    findings: { check: string; status: string; evidence: { duplicateRows?: number } }[];
  };
  const duplicates =
    report.findings.find((finding) => finding.check === 'duplicate_rows')?.evidence.duplicateRows ?? 0;
  return { wall, report, duplicates, findings: report.findings.filter((f) => f.status !== 'pass').length };
}

function runPandas(csv: string): {
  wall?: number;
  result?: { seconds: number; duplicates: number };
  skipped?: string;
} {
  const run = runPeer<{ seconds: number; duplicates: number }>('validate_peer.py', [csv]);
  return run.ok ? { wall: run.wallSeconds, result: run.output } : { skipped: run.skipped };
}

async function runBig(rows: number, log: (line: string) => void) {
  const csv = `${benchDir}data/validate_${rows}.csv`;
  if (!existsSync(csv)) log(`making ${csv} …`);
  await makeValidateData(csv, rows);
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...cliArgs(csv)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - start) / 1000;
  const kilobytes = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || !kilobytes) throw new Error(`10M validate failed: ${run.stderr.slice(-500)}`);
  return { rows, wall, peakRssMb: Number(kilobytes) / 1024 };
}

if (isMainModule(import.meta.url)) {
  await runValidateBench({ rows: numberFlag('--rows'), bigRows: numberFlag('--big') });
}
