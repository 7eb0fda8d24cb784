import cliProgress from 'cli-progress';
import { describeProgress } from '../../llm/engine/describe-progress.js';
import type { ProgressSink, RunProgress } from '../../llm/engine/run-progress.js';

export interface LlmProgressDisplay {
  readonly sink: ProgressSink | undefined;
  stop(): void;
}

/**
 * The LLM calls' progress on stderr: a bar (done / total, errors, rate, ETA, cost) on a terminal, one
 * plain status line at most every `intervalMs` otherwise (logs, CI), and nothing when `enabled` is false
 * (`--json`), so stdout and stderr stay machine-readable. Each prediction run (a fold) restarts the bar.
 */
export function createLlmProgress(
  enabled: boolean,
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 10_000,
): LlmProgressDisplay {
  if (!enabled) return { sink: undefined, stop: () => {} };
  if (stream.isTTY !== true) {
    let last = Date.now();
    return {
      sink(progress: RunProgress) {
        const now = Date.now();
        if (now - last < intervalMs) return;
        last = now;
        stream.write(`LLM calls: ${describeProgress(progress)}\n`);
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'LLM [{bar}] {detail}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let lastDone = 0;
  return {
    sink(progress: RunProgress) {
      const detail = describeProgress(progress);
      if (!started || progress.done < lastDone) {
        if (started) bar.stop();
        bar.start(progress.total, progress.done, { detail });
        started = true;
      } else {
        bar.setTotal(progress.total);
        bar.update(progress.done, { detail });
      }
      lastDone = progress.done;
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
