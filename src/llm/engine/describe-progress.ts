import type { RunProgress } from './run-progress.js';

/**
 * One line for a progress bar's detail: done / total, errors, rate, ETA and cost (or tokens when the model
 * has no price), e.g. `1200/2000 · 3 errors · 152.0/s · ETA 0:05 · $0.0123`.
 */
export function describeProgress(progress: RunProgress): string {
  const parts = [`${progress.done}/${progress.total}`, `${progress.errors} errors`];
  if (progress.cacheHits > 0) parts.push(`${progress.cacheHits} cached`);
  parts.push(`${progress.rate.toFixed(1)}/s`);
  if (progress.etaSeconds !== undefined) parts.push(`ETA ${clock(progress.etaSeconds)}`);
  parts.push(
    progress.costUsd === undefined
      ? `${progress.promptTokens + progress.completionTokens} tokens`
      : `$${progress.costUsd.toFixed(4)}`,
  );
  return parts.join(' · ');
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const hours = Math.floor(minutes / 60);
  const ss = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes % 60).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
