import { brandRouter } from "./routers/brand/router";
import { devRouter } from "./routers/dev/router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  brand: brandRouter,
  dev: devRouter,
});

export type AppRouter = typeof appRouter;
