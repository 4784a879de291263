import type { RouterInputs } from "@brokerage/api";

/** The customer's wallets that may convert (open REAL wallets: the `exchange` permission). */
export const WALLETS_INPUT: RouterInputs["accounts"]["list"] = { permissions: ["exchange"], sortOrder: "asc", limit: 100 };
