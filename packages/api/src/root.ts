import { adminRouter } from "./admin/router.ts";
import { profileRouter } from "./auth/profile-router.ts";
import { authRouter } from "./auth/router.ts";
import { cartRouter } from "./cart/router.ts";
import { sellerEventsRouter } from "./events/router.ts";
import { categoryRouter } from "./catalog/category-router.ts";
import { productRouter } from "./catalog/product-router.ts";
import { reviewModerationRouter } from "./catalog/review-moderation-router.ts";
import { healthRouter } from "./health/router.ts";
import { fulfilmentRouter } from "./orders/fulfilment-router.ts";
import { ordersRouter } from "./orders/router.ts";
import { paymentsRouter } from "./payments/router.ts";
import { searchRouter } from "./search/router.ts";
import { staffOrdersRouter } from "./orders/staff-router.ts";
import { sellerRouter } from "./seller/router.ts";
import { createCallerFactory, mergeRouters, router } from "./trpc.ts";
import { webhooksRouter } from "./webhooks/router.ts";

export const appRouter = router({
  admin: adminRouter,
  auth: authRouter,
  cart: cartRouter,
  categories: categoryRouter,
  fulfilment: fulfilmentRouter,
  orders: ordersRouter,
  payments: paymentsRouter,
  health: healthRouter,
  products: productRouter,
  profile: profileRouter,
  reviews: reviewModerationRouter,
  search: searchRouter,
  staffOrders: staffOrdersRouter,
  seller: mergeRouters(sellerRouter, sellerEventsRouter),
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
