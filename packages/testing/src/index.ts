export { adminUrl, createTestDatabase, databaseUrl, ensureTemplateDatabase, type TestDatabase } from "./database.ts";
export { eventually, type EventuallyOptions } from "./eventually.ts";
export {
  address,
  createSession,
  createShopper,
  createVariant,
  createVerifiedUser,
  FIXTURE_PASSWORD,
  unique,
  type AccessClaims,
  type FactoryDeps,
  type Shopper,
  type TestVariant,
  type VerifiedUser,
} from "./factories.ts";
export { queuedJobs, retryingJobs, runJobsNow } from "./jobs.ts";
export { testClock, type TestClock } from "./clock.ts";
export { pngImage } from "./images.ts";
