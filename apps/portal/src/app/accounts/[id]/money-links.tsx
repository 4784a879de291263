import Link from "next/link";
import { useTranslations } from "next-intl";
import shared from "../_components/shared.module.css";
import type { Account } from "./account-data";

/**
 * Deposit and Withdraw for a live account or wallet, each opening its form with this account
 * chosen, and its monthly statements.
 */
export function MoneyLinks({ account }: { account: Account }) {
  const t = useTranslations("accountDetail");
  const canDeposit = account.permissions.includes("deposit");
  const canWithdraw = account.permissions.includes("withdrawal");
  return (
    <nav aria-label={t("moneyLinks")}>
      <ul className={shared.badges}>
        {canDeposit ? (
          <li>
            <Link className="button" href={`/money/deposit?accountId=${account.id}`}>
              {t("deposit")}
            </Link>
          </li>
        ) : null}
        {canWithdraw ? (
          <li>
            <Link className="button button--secondary" href={`/money/withdraw?accountId=${account.id}`}>
              {t("withdraw")}
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="button button--secondary" href={`/money/statements?accountId=${account.id}`}>
            {t("statements")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
