"use client";

import { kycFormFieldOf, kycSubmissionForm, kycSubmitInputOf, type KycSubmissionFormValues } from "@brokerage/validators";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Form, SubmitButton, useZodForm } from "~/components/forms";
import type { CountryOption } from "~/components/kyc/countries";
import { appCodeOf } from "~/trpc/error-info";
import { submitKycAction } from "./actions";
import { KYC_SENTENCES } from "./form-layout";
import { KycErrorSummary } from "./kyc-error-summary";
import { HomeAddress, IdentityDocument, PersonalDetails } from "./kyc-form-sections";
import styles from "./kyc-form.module.css";
import { readAsBase64 } from "./read-file";

type Mode = "first" | "resubmit" | "optional";
type Phase = "idle" | "reading" | "sending";

interface KycSubmissionProps {
  /** The level to submit for; null when there is nothing to send. */
  level: 1 | 2 | null;
  mode: Mode;
  countries: CountryOption[];
  /** A same-origin path to offer once the submission is in (already checked by the page). */
  returnTo: string | null;
}

/** The submission form, and once it is sent the confirmation (kept across the page's refresh). */
export function KycSubmission({ level, mode, countries, returnTo }: KycSubmissionProps) {
  const [submitted, setSubmitted] = useState(false);
  if (submitted) return <SubmittedPanel returnTo={returnTo} />;
  if (!level) return null;
  return <KycForm level={level} mode={mode} countries={countries} onSubmitted={() => setSubmitted(true)} />;
}

function SubmittedPanel({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations("kyc.success");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="kyc-success-title" className={styles.success}>
      <h2 id="kyc-success-title" tabIndex={-1} ref={heading}>
        {t("heading")}
      </h2>
      <p>{t("body")}</p>
      {returnTo ? (
        <p>
          <Link href={returnTo} className="button">
            {t("returnTo")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

const EMPTY = {
  firstName: "",
  lastName: "",
  dateOfBirth: "",
  nationality: "",
  countryOfResidence: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  addressCountry: "",
  documentType: "",
  documentNumber: "",
  expiryDate: "",
  files: [] as File[],
};

/**
 * The form on the kit: kycSubmissionForm checks it in the browser (the server's field
 * schemas and date rules), the files are read only once it passes, and a refusal's field
 * codes land on their fields (kycFormFieldOf) with the sentences of `kyc.form.fieldErrors`.
 * The error summary on top takes the focus after a refused attempt and links to each field.
 */
function KycForm({
  level,
  mode,
  countries,
  onSubmitted,
}: {
  level: 1 | 2;
  mode: Mode;
  countries: CountryOption[];
  onSubmitted: () => void;
}) {
  const t = useTranslations("kyc.form");
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>("idle");
  const [sendFailed, setSendFailed] = useState(false);
  const form = useZodForm(kycSubmissionForm, EMPTY, {
    fieldOfPath: kycFormFieldOf,
    sentences: KYC_SENTENCES,
    focusAfterRefusal: "alert",
  });

  async function send(values: KycSubmissionFormValues) {
    setSendFailed(false);
    // The schema's output holds each file's name, type and size; the picked files themselves are the form's.
    const picked = form.getValues("files") as File[];
    try {
      setPhase("reading");
      const contents = await Promise.all(
        picked.map(async (file) => ({ fileName: file.name, contentBase64: await readAsBase64(file) })),
      );
      setPhase("sending");
      const result = await submitKycAction(kycSubmitInputOf(level, values, contents));
      if (result.ok) {
        onSubmitted();
        router.refresh();
        return undefined;
      }
      // KYC_SUBMISSION_PENDING and friends: the page shows the state as it now is.
      if (appCodeOf(result.error) !== "INVALID_DATA") router.refresh();
      return result;
    } catch (error) {
      // Not read, or not sent (the connection, a body over the limit): the summary says so.
      setSendFailed(true);
      throw error;
    } finally {
      setPhase("idle");
    }
  }

  const heading = mode === "resubmit" ? t("headingResubmit") : mode === "optional" ? t("headingOptional") : t("heading");

  return (
    <section aria-labelledby="kyc-form-title" className={styles.section}>
      <h2 id="kyc-form-title">{heading}</h2>
      <p>{t("intro")}</p>
      <Form
        form={form}
        onSubmit={send}
        className={styles.form}
        aria-labelledby="kyc-form-title"
        aria-busy={phase !== "idle"}
        alert={<KycErrorSummary alert={form.alert} sendFailed={sendFailed} />}
      >
        <PersonalDetails countries={countries} />
        <HomeAddress countries={countries} />
        <IdentityDocument />
        <div className={styles.actions}>
          <SubmitButton label={t("submit")} pendingLabel={t("submit")} keepsFocus />
          <p role="status" className={styles.progress}>
            {phase === "reading" ? t("reading") : phase === "sending" ? t("sending") : ""}
          </p>
        </div>
      </Form>
    </section>
  );
}
