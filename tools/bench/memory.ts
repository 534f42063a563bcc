import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;

/** A full garbage collection (exposing `gc` if the process was not started with --expose-gc). */
export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}

/** Memory in use after a full collection, in MB: the JS heap plus off-heap buffers (typed arrays' storage). */
export function settledHeapMb(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external) / MB;
}

/** The process's peak resident set so far, in MB (`maxRSS` is in kB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Sample the resident set every `everyMs` until stopped; returns the samples in MB. */
export function sampleRss(everyMs = 200): { stop: () => number[] } {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(process.memoryUsage.rss() / MB), everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      samples.push(process.memoryUsage.rss() / MB);
      return samples;
    },
  };
}
