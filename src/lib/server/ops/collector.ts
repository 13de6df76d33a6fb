import { setFlagsFromString } from 'node:v8';

/**
 * The one V8 setting the production server changes: no allocation-site pretenuring.
 *
 * V8 watches how many of the objects made at one place in the code survive a scavenge, and
 * when most do, it starts making that place's objects directly in the old generation. In a
 * server nearly everything lives for one request, so a burst of survivors is a misjudgement,
 * and it feeds itself: an object made old holds the young objects stored into it (for Astro's
 * component instances, a closure over the whole render) until the next full collection, so
 * they survive too and the place looks long-lived. Measured on the home page with 32
 * connections on one process: 6.4 MB promoted and a 10.4 ms pause every scavenge with it, 0.25
 * MB and 1.1 ms without it, and 19% more pages a second (docs/performance.md, issue #20,
 * part J). The flag is read when the collector runs, so setting it as the process starts is
 * enough; every worker runs this too.
 */
export function tuneCollector(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
