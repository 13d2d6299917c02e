/**
 * The time for the expiries the API decides itself (access tokens, sessions, one-time links),
 * a port so that tests can let time pass. Where the database decides (graphile-worker's
 * schedule, SQL `now()`), its clock rules instead.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
