"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import type { Account } from "./account-data";
import styles from "./account.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";

/** A toggle button: its name stays "Favorite", aria-pressed says whether it is on. */
export function FavoriteToggle({ account }: { account: Account }) {
  const t = useTranslations("accountDetail");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onSuccess(updated) {
        queryClient.setQueryData(trpc.accounts.get.queryKey({ accountId: updated.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.pathKey() });
      },
    }),
  );
  const archived = account.archivedAt !== null;
  const hydrated = useHydrated();
  const pressed = update.isPending && update.variables?.favorite !== undefined ? update.variables.favorite : account.favorite;

  return (
    <div className={styles.favoriteWrap}>
      <button
        type="button"
        className={pressed ? `${styles.star} ${styles.starOn}` : styles.star}
        aria-pressed={pressed}
        disabled={!hydrated || archived || update.isPending}
        onClick={() => update.mutate({ accountId: account.id, favorite: !account.favorite })}
      >
        <span aria-hidden="true">{pressed ? "★" : "☆"}</span> {t("favorite")}
      </button>
      {update.error ? (
        <p role="alert" className="alert small">
          {describe(update.error).sentence}
        </p>
      ) : null}
    </div>
  );
}
