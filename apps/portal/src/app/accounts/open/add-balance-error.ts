import { detailsOf } from "~/trpc/error-info";

/** ADD_BALANCE_ERROR's account, which exists although its deposit failed. */
export function openedDespiteDeposit(error: unknown): { accountId: number | null; login: number; temporaryPassword: string | null } | null {
  const details = detailsOf(error) ?? {};
  if (typeof details.login !== "number") return null;
  return {
    accountId: typeof details.account_id === "number" ? details.account_id : null,
    login: details.login,
    temporaryPassword: typeof details.temporary_password === "string" ? details.temporary_password : null,
  };
}
