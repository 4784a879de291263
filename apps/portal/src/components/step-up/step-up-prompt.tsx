"use client";

import { stepUpPromptForm, type StepUpChannel, type StepUpInput } from "@brokerage/validators";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState, type ReactNode } from "react";
import { useWatch } from "react-hook-form";
import { CodeField, Form, RadioGroupField, SubmitButton, useZodForm } from "~/components/forms";
import formStyles from "~/components/forms/forms.module.css";
import { appCodeOf, detailsOf } from "~/trpc/error-info";
import { useTRPC } from "~/trpc/react";

/** The operation again, with the confirmation (or without one, to be asked for a new one). */
export type StepUpRetry = (stepUp: StepUpInput | undefined) => Promise<void>;

interface Challenge {
  challengeId: string;
  channels: StepUpChannel[];
}

/** Refusals meaning "this confirmation is over": a new one is asked for at once. */
const SPENT = new Set(["STEP_UP_EXPIRED", "STEP_UP_USED", "STEP_UP_MISMATCH"]);

function challengeOf(error: unknown): Challenge | null {
  if (appCodeOf(error) !== "STEP_UP_REQUIRED") return null;
  const details = detailsOf(error);
  const challengeId = details?.challengeId;
  const channels = details?.channels;
  if (typeof challengeId !== "string" || !Array.isArray(channels)) return null;
  return { challengeId, channels: channels.filter((c): c is StepUpChannel => c === "totp" || c === "sms" || c === "email") };
}

/**
 * The one inline confirmation of sensitive operations (issue 16): the channel (when there
 * is a choice), "Send code" for SMS and e-mail, the 6-digit code, and "Confirm", which runs
 * the operation again with `stepUp`. A wrong code stays on the code field; a confirmation
 * that expired or was used up is replaced by a new one at once.
 */
function StepUpPrompt({
  challenge,
  retry,
  onNewChallenge,
  onDone,
  onRefusal,
  onCancel,
  headingLevel,
}: {
  challenge: Challenge;
  retry: StepUpRetry;
  onNewChallenge: (next: Challenge) => void;
  onDone: () => void;
  onRefusal: (error: unknown) => void;
  onCancel: () => void;
  headingLevel: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const titleId = useId();
  const t = useTranslations("stepUp");
  const trpc = useTRPC();
  const send = useMutation(trpc.stepUp.send.mutationOptions());
  const [sent, setSent] = useState<{ challengeId: string; channel: StepUpChannel; destination: string | null } | null>(null);
  // What was sent for this confirmation (a new one starts with nothing sent).
  const sentTo = sent?.challengeId === challenge.challengeId ? sent : null;
  const first = challenge.channels[0] ?? "email";
  const form = useZodForm(stepUpPromptForm, { channel: first, code: "" }, {
    fieldOfCode: { CODE_INVALID: "code", CODE_EXPIRED: "code", INVALID_OTP_CODE: "code" },
  });
  const { setFocus, showRefusal, setValue } = form;
  const channel = useWatch({ control: form.control, name: "channel" });
  useEffect(() => setFocus(first === "totp" ? "code" : "channel"), [setFocus, first]);
  // A new confirmation: the code typed for the old one is of no use.
  useEffect(() => setValue("code", ""), [challenge.challengeId, setValue]);

  const sendCode = async () => {
    try {
      const out = await send.mutateAsync({ challengeId: challenge.challengeId, channel });
      setSent({ challengeId: challenge.challengeId, channel: out.channel, destination: out.destination });
      setFocus("code");
    } catch (error) {
      showRefusal(error);
    }
  };

  return (
    <Form
      form={form}
      aria-labelledby={titleId}
      onSubmit={async (values) => {
        // The authenticator app after a code was sent elsewhere: say so first.
        if (values.channel === "totp" && sentTo && sentTo.channel !== "totp") {
          await send.mutateAsync({ challengeId: challenge.challengeId, channel: "totp" });
        }
        try {
          await retry({ challengeId: challenge.challengeId, code: values.code });
          onDone();
        } catch (error) {
          const code = appCodeOf(error);
          if (code && SPENT.has(code)) {
            try {
              await retry(undefined);
              onDone();
              return;
            } catch (again) {
              const next = challengeOf(again);
              if (!next) throw again;
              onNewChallenge(next);
            }
            throw error;
          }
          if (code === "CODE_INVALID" || code === "CODE_EXPIRED" || code === "INVALID_OTP_CODE" || code === "TOO_MANY_ATTEMPTS") throw error;
          onRefusal(error);
        }
      }}
    >
      <Heading id={titleId}>{t("title")}</Heading>
      <p>{t("intro")}</p>
      {challenge.channels.length > 1 ? (
        <RadioGroupField
          name="channel"
          legend={t("channel")}
          options={challenge.channels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
      ) : (
        <p>{t(`only.${first}`)}</p>
      )}
      {channel !== "totp" ? (
        <div className={formStyles.actions}>
          <button type="button" className="button button--secondary" onClick={() => void sendCode()} disabled={send.isPending}>
            {sentTo?.channel === channel ? t("sendAgain") : t("send")}
          </button>
        </div>
      ) : null}
      <p role="status">{sentTo && sentTo.channel === channel && sentTo.destination ? t("sent", { destination: sentTo.destination }) : ""}</p>
      <CodeField name="code" label={t("code")} hint={channel === "totp" ? t("codeHintTotp") : t("codeHintSent")} digits={6} required />
      <div className={formStyles.actions}>
        <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </Form>
  );
}

/**
 * For a screen whose operation may answer STEP_UP_REQUIRED: `guard(error, retry)` shows
 * the confirmation instead of the error and, once the code is given, runs `retry` with it.
 * `onRefusal` gets any other refusal of the retried operation (e.g. the balance changed).
 */
export function useStepUp(options: { onRefusal: (error: unknown) => void; headingLevel?: 2 | 3 }): {
  guard: (error: unknown, retry: StepUpRetry) => boolean;
  prompt: ReactNode;
  active: boolean;
} {
  const [state, setState] = useState<{ challenge: Challenge; retry: StepUpRetry } | null>(null);
  const guard = useCallback((error: unknown, retry: StepUpRetry) => {
    const challenge = challengeOf(error);
    if (!challenge) return false;
    setState({ challenge, retry });
    return true;
  }, []);
  const { onRefusal } = options;
  const prompt = state ? (
    <StepUpPrompt
      challenge={state.challenge}
      retry={state.retry}
      onNewChallenge={(challenge) => setState({ challenge, retry: state.retry })}
      onDone={() => setState(null)}
      onRefusal={(error) => {
        setState(null);
        onRefusal(error);
      }}
      onCancel={() => setState(null)}
      headingLevel={options.headingLevel ?? 3}
    />
  ) : null;
  return { guard, prompt, active: state !== null };
}
