import cliProgress from 'cli-progress';

export interface ProgressSink {
  update(done: number, total: number | undefined, detail?: string): void;
  stop(): void;
}

export type ProgressMode = 'auto' | 'none';

/**
 * Progress on stderr: a bar with ETA on a terminal, one plain line at most every `intervalMs` otherwise
 * (logs, CI), nothing with --json (mode 'none') so stdout and stderr stay machine-readable.
 */
export function createProgress(label: string, mode: ProgressMode, intervalMs = 5000): ProgressSink {
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${label} [{bar}] {value}/{total} fits | ETA {eta_formatted} | {detail}`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, detail = '') {
        if (!started) {
          bar.start(total ?? done + 1, done, { detail });
          started = true;
          return;
        }
        // cli-progress shows an unknown ETA as "NFs" until the first fit finishes.
        if (done === 0) return;
        if (total !== undefined) bar.setTotal(total);
        bar.update(done, { detail });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  const started = Date.now();
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      if (now - last < intervalMs && !(total !== undefined && done === total)) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const eta = total && done > 0 ? ` eta ${Math.round((elapsed / done) * (total - done))}s` : '';
      process.stderr.write(
        `${label}: ${done}/${total ?? '?'} fits, ${elapsed.toFixed(0)}s${eta}${detail ? ` | ${detail}` : ''}\n`,
      );
    },
    stop: () => {},
  };
}
