import { brandRouter } from "./routers/brand/router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  brand: brandRouter,
});

export type AppRouter = typeof appRouter;
