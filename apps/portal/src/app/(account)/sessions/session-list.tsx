"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { signOutAction } from "~/app/actions/sign-out";
import { FormAlert, useRefusalAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useReauthRetry } from "~/components/reauth/reauth-prompt";
import { useTRPC } from "~/trpc/react";
import styles from "./sessions.module.css";

/** One session as the page shows it, with its texts already formatted on the server. */
export interface SessionView {
  id: string;
  current: boolean;
  device: string;
  userAgent: string | null;
  address: string;
  lastSeen: string;
  lastSeenAt: string;
  signedIn: string;
  signedInAt: string;
}

/**
 * The customer's devices. Any other session can be ended (it is signed out on its next
 * request); this device signs out the ordinary way.
 */
export function SessionList({ sessions }: { sessions: SessionView[] }) {
  const t = useTranslations("sessions");
  const trpc = useTRPC();
  const router = useRouter();
  const statusRef = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const revoke = useMutation(trpc.session.revoke.mutationOptions());
  const revokeOthers = useMutation(trpc.session.revokeOthers.mutationOptions());
  const errorsAlert = useRefusalAlert(revoke.error ?? revokeOthers.error);
  // Ending other sessions needs a recent password: asked for inline, then the same click is retried.
  const reauth = useReauthRetry(2);

  // The button that had the focus is gone with its row: the outcome takes the focus.
  function done(text: string | null) {
    setMessage(text);
    startRefresh(() => router.refresh());
    statusRef.current?.focus();
  }

  function endSession(session: SessionView) {
    revokeOthers.reset();
    revoke.mutate(
      { sessionId: session.id },
      {
        onSuccess: () => done(t("signedOut", { device: session.device })),
        onError: (error) => {
          if (!reauth.guard(error, () => endSession(session))) done(null);
        },
      },
    );
  }

  function endOthers() {
    revoke.reset();
    revokeOthers.mutate(undefined, {
      onSuccess: ({ revoked }) => done(t("signedOutOthers", { count: revoked })),
      onError: (error) => {
        if (!reauth.guard(error, endOthers)) done(null);
      },
    });
  }

  const hydrated = useHydrated();
  const busy = !hydrated || revoke.isPending || revokeOthers.isPending || refreshing || reauth.active;
  const others = sessions.filter((session) => !session.current);

  return (
    <div className="stack">
      <div ref={statusRef} role="status" tabIndex={-1} className={styles.status}>
        {message ? <p className={formStyles.success}>{message}</p> : null}
      </div>
      {reauth.active ? reauth.prompt : <FormAlert alert={errorsAlert} />}
      <ul className={styles.list} aria-label={t("listLabel")}>
        {sessions.map((session) => (
          <li key={session.id} className={styles.item}>
            <div className={styles.itemHeader}>
              <h2 className={styles.device}>{session.device}</h2>
              {session.current ? <span className="badge badge--ok">{t("thisDevice")}</span> : null}
            </div>
            <dl className={styles.meta}>
              <dt>{t("address")}</dt>
              <dd>{session.address}</dd>
              <dt>{t("lastSeen")}</dt>
              <dd>
                <time dateTime={session.lastSeenAt}>{session.lastSeen}</time>
              </dd>
              <dt>{t("signedIn")}</dt>
              <dd>
                <time dateTime={session.signedInAt}>{session.signedIn}</time>
              </dd>
              {session.userAgent ? (
                <>
                  <dt>{t("userAgent")}</dt>
                  <dd className={styles.userAgent}>{session.userAgent}</dd>
                </>
              ) : null}
            </dl>
            {session.current ? (
              <form action={signOutAction}>
                <button type="submit" className="button button--secondary">
                  {t("signOutThis")}
                </button>
              </form>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => endSession(session)}
              >
                {revoke.isPending && revoke.variables?.sessionId === session.id
                  ? t("signingOut")
                  : t("signOutOther")}
                <span className="visually-hidden">
                  {" "}
                  {session.device}, {t("lastSeen")} {session.lastSeen}
                </span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <p>
          <button type="button" className="button" disabled={busy} onClick={endOthers}>
            {revokeOthers.isPending ? t("signingOut") : t("signOutOthers")}
          </button>
        </p>
      ) : (
        <p className="muted">{t("onlyThis")}</p>
      )}
      <p className="muted small">{t("timeZoneNote")}</p>
    </div>
  );
}
