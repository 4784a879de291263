import "server-only";
import type { RouterOutputs } from "@brokerage/api";
import { cache } from "react";
import { getServerCaller } from "~/trpc/server";
import { getLogger } from "./logger";

export type PublicBrand = RouterOutputs["brand"]["get"];

/**
 * The portal's brand for the page frame (title, header). The frame still renders when it
 * cannot be read, with a neutral name: the page itself shows the error.
 */
export const getBrandForFrame = cache(async (): Promise<PublicBrand | null> => {
  try {
    return await (await getServerCaller()).brand.get();
  } catch (error) {
    getLogger().warn({ err: error instanceof Error ? error.name : "Error" }, "brand unavailable for the page frame");
    return null;
  }
});
