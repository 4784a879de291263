"use client";

import { ACCOUNT_CAPTION_MAX_LENGTH, renameAccountForm, type FieldCode } from "@brokerage/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Form, FormAlert, SubmitButton, TextField, useRefusalAlert, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { useTRPC } from "~/trpc/react";
import type { Account } from "./account-data";
import styles from "./account.module.css";

/** Rename in place: the "Rename" button opens a one-field form; Escape or Cancel closes it, focus goes back. */
export function RenameControl({ account }: { account: Account }) {
  const t = useTranslations("accountDetail");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  const update = useMutation(
    trpc.accounts.update.mutationOptions({
      onSuccess(updated) {
        queryClient.setQueryData(trpc.accounts.get.queryKey({ accountId: updated.id }), updated);
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.list.pathKey() });
        setEditing(false);
        setSaved(true);
      },
    }),
  );
  // The reset button is an action, not a form: its refusal shows beside it.
  const resetAlert = useRefusalAlert(editing ? undefined : update.error);

  useEffect(() => {
    if (!editing && wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (!editing) {
    return (
      <div className={formStyles.actions}>
        <button
          ref={buttonRef}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            update.reset();
            setEditing(true);
          }}
        >
          {t("rename")}
        </button>
        {account.customCaption ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={update.isPending}
            onClick={() => {
              setSaved(false);
              update.mutate({ accountId: account.id, caption: null });
            }}
          >
            {t("resetCaption", { name: account.group })}
          </button>
        ) : null}
        <p role="status" className="muted small">
          {saved ? t("renamed") : ""}
        </p>
        <FormAlert alert={resetAlert} />
      </div>
    );
  }

  return (
    <RenameForm
      caption={account.caption}
      onCancel={() => setEditing(false)}
      onSubmit={(caption) => update.mutateAsync({ accountId: account.id, caption })}
    />
  );
}

function RenameForm({
  caption,
  onCancel,
  onSubmit,
}: {
  caption: string;
  onCancel: () => void;
  onSubmit: (caption: string) => Promise<unknown>;
}) {
  const t = useTranslations("accountDetail");
  const sentence = useCallback(
    (_field: string, code: FieldCode) =>
      code === "REQUIRED"
        ? t("captionRequired")
        : code === "TOO_LONG"
          ? t("captionTooLong", { max: ACCOUNT_CAPTION_MAX_LENGTH })
          : t("captionInvalid", { max: ACCOUNT_CAPTION_MAX_LENGTH }),
    [t],
  );
  const form = useZodForm(renameAccountForm, { caption }, { sentence });
  const { setFocus } = form;
  useEffect(() => setFocus("caption"), [setFocus]);

  return (
    // Escape closes the editor from any of its controls (Cancel does the same for a pointer).
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Form form={form} className={styles.renameForm} onSubmit={(values) => onSubmit(values.caption)}>
        <TextField name="caption" label={t("captionLabel")} autoComplete="off" maxLength={ACCOUNT_CAPTION_MAX_LENGTH + 10} />
        <div className={formStyles.actions}>
          <SubmitButton label={t("saveName")} pendingLabel={t("saveName")} />
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </Form>
    </div>
  );
}
