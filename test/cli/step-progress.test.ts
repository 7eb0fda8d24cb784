import { describe, expect, it } from 'vitest';
import { stepProgress } from '../../src/cli/step-progress.js';

function harness(tty: boolean) {
  let clock = 0;
  const written: string[] = [];
  let tick: (() => void) | undefined;
  const progress = stepProgress(3, {
    tty,
    write: (text) => written.push(text),
    now: () => clock,
    every: (_ms, callback) => {
      tick = callback;
      return () => {
        tick = undefined;
      };
    },
  });
  return {
    progress,
    written,
    advance(ms: number) {
      clock += ms;
      tick?.();
    },
    heartbeatRunning: () => tick !== undefined,
  };
}

describe('stepProgress (run on stderr)', () => {
  it('writes a status with fits, time spent and an ETA from the rate so far, at most every 2 s in a log', () => {
    const h = harness(false);
    h.progress.stepStarted('baseline', 'cross-validating 3 models');
    h.progress.fits(0, 15);
    h.advance(1000);
    h.progress.fits(3, 15);
    // 1 s since the step line: too soon for a log line.
    expect(h.written).toEqual(['[1/3] baseline: cross-validating 3 models\n']);
    h.advance(1500);
    // The heartbeat at 2.5 s: 3 of 15 fits done, 12 left at 2.5 / 3 s each.
    expect(h.written[1]).toBe('      … 3/15 fits, 3 s, about 10 s left\n');
    h.progress.fits(5, 15);
    expect(h.written).toHaveLength(2);
    h.advance(1000);
    h.progress.fits(8, 16);
    expect(h.written).toHaveLength(2);
    h.progress.fits(10, 15);
    h.advance(1000);
    // 4.5 s for 10 of 15 fits: 5 left at 0.45 s each.
    expect(h.written[2]).toBe('      … 10/15 fits, 5 s, about 2 s left\n');
    h.progress.stepDone('baseline', 7.25, 'best gnb');
    expect(h.written[3]).toBe('      best gnb, 7.3 s\n');
    expect(h.heartbeatRunning()).toBe(false);
  });

  it('speaks every 2 s on its own during a step that reports no fits', () => {
    const h = harness(false);
    h.progress.stepStarted('validate', 'checking the data');
    h.advance(1999);
    expect(h.written).toHaveLength(1);
    h.advance(1);
    h.advance(2000);
    expect(h.written.slice(1)).toEqual(['      … 2 s\n', '      … 4 s\n']);
  });

  it('overwrites one line on a terminal and clears it when the step ends', () => {
    const h = harness(true);
    h.progress.stepStarted('search', 'tuning logreg');
    h.advance(300);
    h.progress.fits(1, 4);
    expect(h.written[1]).toBe('\r\u001b[2K      … 1/4 fits, 0 s, about 1 s left');
    h.progress.stepDone('search', 1, 'done');
    expect(h.written.slice(2)).toEqual(['\r\u001b[2K', '      1.0 s\n']);
  });
});
