"use client";

import { useState } from "react";
import type { MoneyAccount } from "../_lib/money-accounts";
import styles from "../money.module.css";
import { PayoutMethods } from "./payout-methods";
import { WithdrawalForm } from "./withdrawal-form";
import { WithdrawalList } from "./withdrawal-list";

/** The withdrawal form, the saved bank accounts beside it, and the customer's withdrawals. */
export function WithdrawScreen({
  accounts,
  initialAccountId,
  holderName,
  canManageBankAccounts,
}: {
  accounts: MoneyAccount[];
  initialAccountId: string;
  holderName: string;
  canManageBankAccounts: boolean;
}) {
  // A bank account just added becomes the destination of the withdrawal form.
  const [added, setAdded] = useState<string | null>(null);
  return (
    <>
      {accounts.length > 0 || canManageBankAccounts ? (
        <div className={styles.columns}>
          {accounts.length > 0 ? (
            <WithdrawalForm accounts={accounts} initialAccountId={initialAccountId} addedMethodId={added} />
          ) : null}
          {canManageBankAccounts ? <PayoutMethods holderName={holderName} onAdded={setAdded} /> : null}
        </div>
      ) : null}
      <WithdrawalList />
    </>
  );
}
