"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useErrorMessage } from "~/i18n/use-error-message";
import { useTRPC } from "~/trpc/react";
import { FieldMessage } from "../_components/field-message";
import forms from "../_components/forms.module.css";
import { serverFieldCodes } from "../_lib/error-fields";
import type { Account } from "./account-detail";
import styles from "./account.module.css";

const MAX_CAPTION = 64;

/** Rename in place: the "Rename" button opens a one-field form; Escape or Cancel closes it, focus goes back. */
export function RenameControl({ account }: { account: Account }) {
  const t = useTranslations("accountDetail");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [caption, setCaption] = useState(account.caption);
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
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

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (wasEditing.current) buttonRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  function start() {
    setCaption(account.caption);
    setProblem(undefined);
    setSaved(false);
    update.reset();
    setEditing(true);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = caption.trim();
    if (!trimmed) return setProblem(t("captionRequired"));
    if (trimmed.length > MAX_CAPTION) return setProblem(t("captionTooLong", { max: MAX_CAPTION }));
    setProblem(undefined);
    update.mutate({ accountId: account.id, caption: trimmed });
  }

  if (!editing) {
    return (
      <div className={forms.actions}>
        <button ref={buttonRef} type="button" className="button button--secondary" onClick={start}>
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
        {update.error ? (
          <p role="alert" className="alert small">
            {describe(update.error).sentence}
          </p>
        ) : null}
      </div>
    );
  }

  const serverProblem = update.error
    ? serverFieldCodes(update.error).caption?.length
      ? t("captionInvalid", { max: MAX_CAPTION })
      : describe(update.error).sentence
    : undefined;
  const message = problem ?? serverProblem;

  return (
    <form
      onSubmit={submit}
      className={styles.renameForm}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          setEditing(false);
        }
      }}
      noValidate
    >
      <div className={forms.field}>
        <label className={forms.label} htmlFor={`${id}-caption`}>
          {t("captionLabel")}
        </label>
        <input
          ref={inputRef}
          id={`${id}-caption`}
          className={forms.control}
          value={caption}
          maxLength={MAX_CAPTION + 10}
          autoComplete="off"
          onChange={(event) => setCaption(event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-caption-error` : undefined}
        />
        <FieldMessage id={`${id}-caption-error`} message={message} />
      </div>
      <div className={forms.actions}>
        <button type="submit" className="button" disabled={update.isPending}>
          {t("saveName")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
