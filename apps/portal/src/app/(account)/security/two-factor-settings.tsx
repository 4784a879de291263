"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormAlert, useRefusalAlert } from "~/components/forms/form-messages";
import formStyles from "~/components/forms/forms.module.css";
import { useHydrated } from "~/components/forms/use-hydrated";
import { useTRPC } from "~/trpc/react";
import { OtpCodeForm } from "./otp-code-form";
import { OtpSetupPanel, type OtpSetup } from "./otp-setup-panel";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import styles from "./security.module.css";

type View =
  | { kind: "overview" }
  | { kind: "setup"; setup: OtpSetup; replacing: boolean }
  | { kind: "codes"; codes: string[]; intro: string };

/**
 * The two-factor part of /security: its state, setting it up, replacing the app,
 * new recovery codes, turning it off. The state comes from the server page, which is
 * rendered again after every change.
 */
export function TwoFactorSettings({
  enabled,
  recoveryCodesLeft,
  account,
  issuer,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  account: string;
  issuer: string;
}) {
  const t = useTranslations("security");
  const trpc = useTRPC();
  const router = useRouter();
  const statusRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View>({ kind: "overview" });
  const [notice, setNotice] = useState<string | null>(null);

  const setup = useMutation(trpc.otp.setup.mutationOptions());
  const regenerate = useMutation(trpc.otp.regenerateRecoveryCodes.mutationOptions());
  const disable = useMutation(trpc.otp.disable.mutationOptions());
  const setupErrorsAlert = useRefusalAlert(setup.error);
  const hydrated = useHydrated();

  function startSetup(replacing: boolean) {
    setNotice(null);
    setup.mutate(undefined, {
      onSuccess: (data) => setView({ kind: "setup", setup: data, replacing }),
    });
  }

  function backToOverview(message: string | null) {
    setNotice(message);
    setView({ kind: "overview" });
    router.refresh();
    // After the panel is gone, the outcome (or the section) takes the focus.
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  if (view.kind === "setup") {
    return (
      <OtpSetupPanel
        setup={view.setup}
        replacing={view.replacing}
        account={account}
        issuer={issuer}
        onCancel={() => backToOverview(null)}
        onEnabled={(codes) => {
          setView({
            kind: "codes",
            codes,
            intro: view.replacing ? t("twoFactor.replaced") : t("twoFactor.nowOn"),
          });
          // The page (two-factor on, the new session) is rendered again behind the panel.
          router.refresh();
        }}
      />
    );
  }

  if (view.kind === "codes") {
    return (
      <RecoveryCodesPanel
        codes={view.codes}
        intro={view.intro}
        account={account}
        issuer={issuer}
        onDone={() => backToOverview(null)}
      />
    );
  }

  return (
    <section aria-labelledby="two-factor-title" className={`${styles.panel} stack`}>
      <div className={styles.titleRow}>
        <h2 id="two-factor-title">{t("twoFactor.title")}</h2>
        <span className={enabled ? "badge badge--ok" : "badge badge--off"}>
          {enabled ? t("twoFactor.on") : t("twoFactor.off")}
        </span>
      </div>
      <div ref={statusRef} role="status" tabIndex={-1} className={styles.status}>
        {notice ? <p className={formStyles.success}>{notice}</p> : null}
      </div>
      {enabled ? (
        <>
          <p>{t("twoFactor.onIntro")}</p>
          <p>{t("twoFactor.recoveryLeft", { count: recoveryCodesLeft })}</p>

          <section aria-labelledby="two-factor-replace" className={`${styles.subsection} stack`}>
            <h3 id="two-factor-replace">{t("replace.title")}</h3>
            <p>{t("replace.intro")}</p>
            <FormAlert alert={setupErrorsAlert} />
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={!hydrated || setup.isPending}
                onClick={() => startSetup(true)}
              >
                {setup.isPending ? t("twoFactor.preparing") : t("replace.start")}
              </button>
            </p>
          </section>

          <section aria-labelledby="two-factor-regenerate" className={`${styles.subsection} stack`}>
            <h3 id="two-factor-regenerate">{t("regenerate.title")}</h3>
            <p>{t("regenerate.intro")}</p>
            <OtpCodeForm
              id="regenerate-code"
              label={t("regenerate.code")}
              submitLabel={t("regenerate.submit")}
              pendingLabel={t("regenerate.pending")}
              acceptsRecoveryCode={false}
              onSubmit={async (code) => {
                const { recoveryCodes } = await regenerate.mutateAsync({ code });
                setView({ kind: "codes", codes: recoveryCodes, intro: t("twoFactor.codesRegenerated") });
                router.refresh();
              }}
            />
          </section>

          <section aria-labelledby="two-factor-disable" className={`${styles.subsection} stack`}>
            <h3 id="two-factor-disable">{t("disable.title")}</h3>
            <p>{t("disable.intro")}</p>
            <OtpCodeForm
              id="disable-code"
              label={t("disable.code")}
              submitLabel={t("disable.submit")}
              pendingLabel={t("disable.pending")}
              acceptsRecoveryCode
              onSubmit={async (code) => {
                await disable.mutateAsync({ code });
                backToOverview(t("twoFactor.nowOff"));
              }}
            />
          </section>
        </>
      ) : (
        <>
          <p>{t("twoFactor.offIntro")}</p>
          <FormAlert alert={setupErrorsAlert} />
          <p>
            <button
              type="button"
              className="button"
              disabled={!hydrated || setup.isPending}
              onClick={() => startSetup(false)}
            >
              {setup.isPending ? t("twoFactor.preparing") : t("twoFactor.setUp")}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
