/**
 * A clock for the API's `clock` port that a test moves forward: real time plus what the test
 * let pass, so nothing else in the run (database, graphile-worker) sees it stand still.
 */
export interface TestClock {
  now(): Date;
  /** Lets `ms` pass at once for whoever reads this clock. */
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}
