// Names only, for seeds 001 and 003: procedure outputs -> the seeds' camelCase bodies.
// Every value passes through unchanged; nothing here decides anything.
import type { inferRouterOutputs } from "@trpc/server";
import type { z } from "zod";
import type { AppRouter } from "../root";
import type {
  accountDetailsResponseSchema,
  clientAccountSchema,
  liveAccountSchema,
} from "./schemas-mobile";

type Out = inferRouterOutputs<AppRouter>;
type AccountOut = Out["accounts"]["get"];

export function accountToHttp(a: AccountOut): z.infer<typeof clientAccountSchema> {
  return {
    id: a.id,
    login: a.login,
    caption: a.caption,
    customCaption: a.customCaption,
    favorite: a.favorite,
    kind: a.kind,
    accountMode: a.accountMode,
    alphabeticCurrencyCode: a.currency,
    platform: a.platform,
    leverage: a.leverage,
    group: a.group,
    createTime: a.createdAt,
    archivedAt: a.archivedAt,
    mustChangePassword: a.mustChangePassword,
    permissions: a.permissions,
  };
}

export function accountDetailsToHttp(
  a: AccountOut,
  live: Out["accounts"]["live"] | null,
): z.infer<typeof accountDetailsResponseSchema> {
  const state: z.infer<typeof liveAccountSchema> = live
    ? { balance: live.balance, equity: live.equity, leverage: live.leverage, enabled: live.enabled, archived: live.archived }
    : null;
  return { ...accountToHttp(a), live: state };
}

/** The wizard's step as seed 001 shows it (`data` is an object on every step). */
export function wizardStepToHttp<D>(step: { code: 200 | 202; done: boolean; uuid: string; workflow: string; data: D }) {
  return { code: step.code, data: step.data ?? {}, done: step.done, uuid: step.uuid, workflow: step.workflow };
}

/** Seed 003's success envelope. */
export const enveloped = <T>(data: T) => ({ success: true as const, data, errorCode: 0 as const, errorMessage: "" as const });
