// The withdrawal form's own sentences for the amount's refusals: they quote the refusal's
// details (the daily limit and what is left, what must go back to the card first).
import type { FieldCode } from "@brokerage/validators";
import { formatMoney } from "~/app/accounts/_lib/money";
import { moneyDetailsOf } from "../_lib/refusal-details";

type Translate = (key: "dailyLimit" | "cardRefundFirst", values: Record<string, string>) => string;

export function withdrawalAmountSentence(
  t: Translate,
  locale: string,
  code: FieldCode,
  refusal: unknown,
): string | undefined {
  const details = moneyDetailsOf(refusal);
  if (!details.currency) return undefined;
  const money = (value: string) => formatMoney(value, details.currency!, locale);
  if (code === "DAILY_LIMIT" && details.limit && details.remaining) {
    return t("dailyLimit", { remaining: money(details.remaining), limit: money(details.limit) });
  }
  if (code === "CARD_REFUND_FIRST" && details.max) return t("cardRefundFirst", { max: money(details.max) });
  return undefined;
}
