import type { WorkflowProgress } from '../workflow/index.js';

/** The longest a running step stays silent on stderr. */
const HEARTBEAT_MS = 2000;

export interface StepProgressOptions {
  /** Overwrite one status line (a terminal) instead of appending lines (a log). */
  readonly tty: boolean;
  readonly write: (text: string) => void;
  readonly now?: () => number;
  /** Starts the heartbeat; returns how to stop it. Default: an unref'd setInterval. */
  readonly every?: (ms: number, tick: () => void) => () => void;
}

/**
 * Step lines with a status under each running step: fits done of planned, the time spent and an ETA
 * from the rate so far (elapsed × remaining / done), written when a fit ends and at least every 2 s
 * while the event loop is free (fits on worker threads; an in-process fit holds the loop until it ends).
 */
export function stepProgress(totalSteps: number, options: StepProgressOptions): WorkflowProgress {
  const now = options.now ?? (() => performance.now());
  const every = options.every ?? defaultEvery;
  let index = 0;
  let started = 0;
  let lastWrite = 0;
  let done = 0;
  let total: number | undefined;
  let stop: (() => void) | undefined;
  let statusShown = false;

  const status = (): string => {
    const elapsed = (now() - started) / 1000;
    const counts = total ? `${Math.min(done, total)}/${total} fits, ` : '';
    const eta =
      total && done > 0 && done < total
        ? `, about ${formatSeconds((elapsed * (total - done)) / done)} left`
        : '';
    return `      … ${counts}${formatSeconds(elapsed)}${eta}`;
  };
  const show = () => {
    lastWrite = now();
    statusShown = true;
    options.write(options.tty ? `\r\u001b[2K${status()}` : `${status()}\n`);
  };
  const clearStatus = () => {
    if (options.tty && statusShown) options.write('\r\u001b[2K');
    statusShown = false;
  };

  return {
    stepStarted(step, detail) {
      index++;
      started = now();
      lastWrite = started;
      done = 0;
      total = undefined;
      options.write(`[${index}/${totalSteps}] ${step}: ${detail}\n`);
      stop?.();
      stop = every(HEARTBEAT_MS, () => {
        if (now() - lastWrite >= HEARTBEAT_MS) show();
      });
    },
    fits(fitsDone, fitsTotal) {
      done = fitsDone;
      total = fitsTotal;
      // A terminal line costs nothing to overwrite; a log gets one line per heartbeat at most.
      if (now() - lastWrite >= (options.tty ? 250 : HEARTBEAT_MS)) show();
    },
    stepDone(_step, seconds, outcome) {
      stop?.();
      stop = undefined;
      clearStatus();
      options.write(
        `      ${outcome === 'done' || outcome === '' ? '' : `${outcome}, `}${seconds.toFixed(1)} s\n`,
      );
    },
  };
}

function defaultEvery(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
