/**
 * The control block that the fit thread and its MLP workers share (an Int32Array over a
 * SharedArrayBuffer), and the waits on it. Each batch costs one round trip: the fit thread publishes
 * the batch and bumps GO; every worker computes its slice and sets its DONE slot to the same number.
 * A wait spins first (up to about a millisecond), because a batch takes a few hundred microseconds and
 * a futex sleep and wake costs tens of them, far more when the machine is loaded (measured: 184 µs of
 * overhead per batch with 20k spins vs 12 µs with 1M, load average 4.5); then it sleeps in Atomics.wait
 * so a partner that is gone for longer does not keep a core busy.
 */
export const GO = 0;
export const START = 1;
export const COUNT = 2;
export const STOP = 3;
export const FAILED = 4;
/** DONE slot of worker `part` (parts 1 .. threads − 1; part 0 is the fit thread). */
export const doneSlot = (part: number): number => 4 + part;
export const controlLength = (threads: number): number => 5 + threads;

const SPINS = 1_000_000;

/** Returns once control[index] differs from `value`; returns the new value. */
export function waitForChange(control: Int32Array, index: number, value: number): number {
  for (let spin = 0; spin < SPINS; spin++) {
    const current = Atomics.load(control, index);
    if (current !== value) return current;
  }
  for (;;) {
    Atomics.wait(control, index, value);
    const current = Atomics.load(control, index);
    if (current !== value) return current;
  }
}

/** Returns once control[index] equals `value` (it only grows towards it). */
export function waitForValue(control: Int32Array, index: number, value: number): void {
  let current = Atomics.load(control, index);
  while (current !== value) current = waitForChange(control, index, current);
}

export function publish(control: Int32Array, index: number, value: number): void {
  Atomics.store(control, index, value);
  Atomics.notify(control, index);
}

/**
 * A worker's side: reads GO, says ready (through `ready`), then runs `work` each time GO moves and sets
 * its DONE slot to the same number, until STOP; a throw marks FAILED for the fit thread to see.
 */
export function serveWork(control: Int32Array, part: number, ready: () => void, work: () => void): void {
  // Read before saying ready: the fit thread may publish the first job as soon as it hears it.
  let seen = Atomics.load(control, GO);
  ready();
  for (;;) {
    seen = waitForChange(control, GO, seen);
    if (Atomics.load(control, STOP) === 1) break;
    try {
      work();
    } catch {
      Atomics.store(control, FAILED, 1);
    }
    publish(control, doneSlot(part), seen);
  }
}
