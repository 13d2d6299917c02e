import { profileRouter } from "./auth/profile-router.ts";
import { authRouter } from "./auth/router.ts";
import { healthRouter } from "./health/router.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  health: healthRouter,
  profile: profileRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
