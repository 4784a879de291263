"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type ReactNode,
} from "react";
import type { CountryOption } from "~/components/kyc/countries";
import { formatFileSize } from "~/components/kyc/kyc-words";
import { useErrorMessage, type ErrorMessage } from "~/i18n/use-error-message";
import { submitKycAction } from "./actions";
import {
  ACCEPTED_FILE_TYPES,
  EMPTY_VALUES,
  fromServerFieldCodes,
  toSubmitInput,
  utcToday,
  validateKycForm,
  TARGET_ORDER,
  type ErrorTarget,
  type FieldError,
  type KycFormValues,
} from "./form-model";
import styles from "./kyc-form.module.css";

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
  return (
    <KycForm
      level={level}
      mode={mode}
      countries={countries}
      onSubmitted={() => setSubmitted(true)}
    />
  );
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

/** Reads a file as base64 (without the data-URL prefix). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      const comma = url.indexOf(",");
      resolve(comma >= 0 ? url.slice(comma + 1) : "");
    };
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });
}

const fieldId = (target: ErrorTarget) => `kyc-${target}`;
const errorId = (target: ErrorTarget) => `kyc-${target}-error`;
const hintId = (target: ErrorTarget) => `kyc-${target}-hint`;

/** The element a summary link moves to: the field itself, or a group's first field. */
const FOCUS_TARGET: Partial<Record<ErrorTarget, ErrorTarget>> = {
  address: "line1",
  document: "documentType",
};

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
  const describeError = useErrorMessage();
  const router = useRouter();
  const [values, setValues] = useState<KycFormValues>(EMPTY_VALUES);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [formError, setFormError] = useState<ErrorMessage | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const busy = phase !== "idle";

  // After a refused attempt the summary takes the focus, so keyboard and screen-reader
  // users land on what to correct.
  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const errorsFor = (target: ErrorTarget) =>
    errors.filter((e) => e.target === target && e.file === undefined);
  const fileErrors = errors.filter((e) => e.target === "files" && e.file !== undefined);
  const hasError = (target: ErrorTarget) =>
    errors.some((e) => e.target === target) || (target === "files" && fileErrors.length > 0);

  const sentence = (error: FieldError): string => {
    const text = t(`errors.${error.key}`);
    const name = error.file !== undefined ? files[error.file]?.name : undefined;
    return name ? t("fileError", { name, error: text }) : text;
  };

  const set =
    (field: keyof KycFormValues) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = event.target.value;
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => current.filter((e) => e.target !== field));
    };

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    setFiles(Array.from(event.target.files ?? []));
    setErrors((current) => current.filter((e) => e.target !== "files"));
  };

  const refuse = (found: FieldError[], problem: ErrorMessage | null) => {
    setErrors(found);
    setFormError(problem);
    setAttempt((n) => n + 1);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = validateKycForm(
      values,
      files.map((f) => ({ name: f.name, size: f.size, type: f.type })),
      utcToday(),
    );
    if (found.length > 0) return refuse(found, null);

    setErrors([]);
    setFormError(null);
    try {
      setPhase("reading");
      const contents = await Promise.all(
        files.map(async (file) => ({
          fileName: file.name,
          contentBase64: await readAsBase64(file),
        })),
      );
      setPhase("sending");
      const result = await submitKycAction(toSubmitInput(level, values, contents));
      if (result.ok) {
        onSubmitted();
        router.refresh();
        return;
      }
      const problem = describeError({
        data: {
          appCode: result.code,
          details: result.reference ? { correlationId: result.reference } : null,
        },
      });
      if (result.code === "INVALID_DATA") {
        const fromServer = fromServerFieldCodes(result.fieldCodes);
        refuse(fromServer, fromServer.length === 0 ? problem : null);
      } else {
        refuse([], problem);
        // KYC_SUBMISSION_PENDING and friends: the page shows the state as it now is.
        router.refresh();
      }
    } catch {
      refuse([], { sentence: t("sendFailed"), reference: undefined });
    } finally {
      setPhase("idle");
    }
  }

  const labelOf = (target: Exclude<ErrorTarget, "form">): string => t(target);

  const summaryItems = [...errors].sort(
    (a, b) => TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target),
  );
  const problemCount = summaryItems.length + (formError ? 1 : 0);

  const describedBy = (target: ErrorTarget, withHint = false) =>
    [withHint ? hintId(target) : null, hasError(target) ? errorId(target) : null]
      .filter(Boolean)
      .join(" ") || undefined;

  const inputProps = (target: keyof KycFormValues, withHint = false) => ({
    id: fieldId(target),
    name: target,
    value: values[target],
    onChange: set(target),
    "aria-invalid": hasError(target) || undefined,
    "aria-describedby": describedBy(target, withHint),
  });

  // Plain render functions, not components: a component defined here would be a new
  // type on every render, and React would replace the inputs (and lose the focus).
  const fieldErrorsOf = (target: ErrorTarget) => {
    const list = [...errorsFor(target), ...(target === "files" ? fileErrors : [])];
    if (list.length === 0) return null;
    return (
      <div id={errorId(target)} className={styles.error}>
        {list.map((error, index) => (
          <p key={`${error.key}-${error.file ?? ""}-${index}`}>{sentence(error)}</p>
        ))}
      </div>
    );
  };

  const field = (target: ErrorTarget, label: string, control: ReactNode, hint?: string) => (
    <div className={`${styles.field} ${hasError(target) ? styles.fieldInvalid : ""}`}>
      <label htmlFor={fieldId(target)}>{label}</label>
      {hint ? (
        <p id={hintId(target)} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {fieldErrorsOf(target)}
      {control}
    </div>
  );

  const countrySelect = (
    target: "nationality" | "countryOfResidence" | "addressCountry",
    autoComplete: string,
  ) => (
    <select {...inputProps(target)} autoComplete={autoComplete}>
      <option value="">{t("chooseCountry")}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.label}
        </option>
      ))}
    </select>
  );

  const focusTarget = (target: ErrorTarget) => {
    const id = fieldId(FOCUS_TARGET[target] ?? target);
    document.getElementById(id)?.focus();
  };

  const heading =
    mode === "resubmit"
      ? t("headingResubmit")
      : mode === "optional"
        ? t("headingOptional")
        : t("heading");

  return (
    <section aria-labelledby="kyc-form-title" className={styles.section}>
      <h2 id="kyc-form-title">{heading}</h2>
      <p>{t("intro")}</p>

      {problemCount > 0 ? (
        <div
          ref={summary}
          className={styles.summary}
          role="alert"
          tabIndex={-1}
          aria-labelledby="kyc-error-summary-title"
        >
          <h3 id="kyc-error-summary-title">{t("errorSummaryTitle", { count: problemCount })}</h3>
          {formError ? (
            <p>
              {formError.sentence}
              {formError.reference ? (
                <span className={styles.reference}> {formError.reference}</span>
              ) : null}
            </p>
          ) : null}
          {summaryItems.length > 0 ? (
            <>
              <p>{t("errorSummaryIntro")}</p>
              <ul>
                {summaryItems.map((error, index) => {
                  const text = sentence(error);
                  return (
                    <li key={`${error.target}-${error.key}-${error.file ?? ""}-${index}`}>
                      {error.target === "form" ? (
                        text
                      ) : (
                        <a
                          href={`#${fieldId(FOCUS_TARGET[error.target] ?? error.target)}`}
                          onClick={(event) => {
                            event.preventDefault();
                            focusTarget(error.target);
                          }}
                        >
                          {labelOf(error.target)}: {text}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      <form
        className={styles.form}
        noValidate
        onSubmit={onSubmit}
        aria-labelledby="kyc-form-title"
        aria-busy={busy}
      >
        <fieldset className={styles.fieldset}>
          <legend>{t("personal")}</legend>
          <div className={styles.row}>
            {field(
              "firstName",
              t("firstName"),
              <input type="text" autoComplete="given-name" {...inputProps("firstName", true)} />,
              t("namesHint"),
            )}
            {field(
              "lastName",
              t("lastName"),
              <input type="text" autoComplete="family-name" {...inputProps("lastName", true)} />,
              t("namesHint"),
            )}
          </div>
          <div className={styles.row}>
            {field(
              "dateOfBirth",
              t("dateOfBirth"),
              <input type="date" autoComplete="bday" {...inputProps("dateOfBirth")} />,
            )}
          </div>
          <div className={styles.row}>
            {field("nationality", t("nationality"), countrySelect("nationality", "off"))}
            {field(
              "countryOfResidence",
              t("countryOfResidence"),
              countrySelect("countryOfResidence", "country"),
            )}
          </div>
        </fieldset>

        <fieldset
          className={styles.fieldset}
          aria-describedby={hasError("address") ? errorId("address") : undefined}
        >
          <legend>{t("address")}</legend>
          {fieldErrorsOf("address")}
          {field(
            "line1",
            t("line1"),
            <input type="text" autoComplete="address-line1" {...inputProps("line1", true)} />,
            t("line1Hint"),
          )}
          {field(
            "line2",
            t("line2"),
            <input type="text" autoComplete="address-line2" {...inputProps("line2")} />,
          )}
          <div className={styles.row}>
            {field(
              "city",
              t("city"),
              <input type="text" autoComplete="address-level2" {...inputProps("city")} />,
            )}
            {field(
              "postalCode",
              t("postalCode"),
              <input type="text" autoComplete="postal-code" {...inputProps("postalCode")} />,
            )}
          </div>
          {field("addressCountry", t("addressCountry"), countrySelect("addressCountry", "off"))}
        </fieldset>

        <fieldset
          className={styles.fieldset}
          aria-describedby={hasError("document") ? errorId("document") : undefined}
        >
          <legend>{t("document")}</legend>
          {fieldErrorsOf("document")}
          {field(
            "documentType",
            t("documentType"),
            <select {...inputProps("documentType")}>
              <option value="">{t("chooseDocumentType")}</option>
              <option value="passport">{t("documentTypes.passport")}</option>
              <option value="id_card">{t("documentTypes.id_card")}</option>
              <option value="driving_licence">{t("documentTypes.driving_licence")}</option>
            </select>,
          )}
          <div className={styles.row}>
            {field(
              "documentNumber",
              t("documentNumber"),
              <input
                type="text"
                autoComplete="off"
                spellCheck={false}
                {...inputProps("documentNumber")}
              />,
            )}
            {field(
              "expiryDate",
              t("expiryDate"),
              <input type="date" autoComplete="off" {...inputProps("expiryDate")} />,
            )}
          </div>
          {field(
            "files",
            t("files"),
            <input
              id={fieldId("files")}
              name="files"
              type="file"
              multiple
              accept={ACCEPTED_FILE_TYPES.join(",")}
              onChange={onFiles}
              className={styles.fileInput}
              aria-invalid={hasError("files") || undefined}
              aria-describedby={describedBy("files", true)}
            />,
            t("filesHint"),
          )}
          <div className={styles.fileList}>
            <p className={styles.fileListTitle} id="kyc-selected-files">
              {t("selectedFiles")}
            </p>
            {files.length === 0 ? (
              <p className={styles.hint}>{t("noFiles")}</p>
            ) : (
              <ul aria-labelledby="kyc-selected-files">
                {files.map((file, index) => {
                  const size = formatFileSize(file.size);
                  const problem = fileErrors.find((e) => e.file === index);
                  return (
                    <li
                      key={`${file.name}-${index}`}
                      className={problem ? styles.fileInvalid : undefined}
                    >
                      <span className={styles.fileName}>{file.name}</span>{" "}
                      <span className={styles.fileSize}>({t("fileSize", size)})</span>
                      {problem ? (
                        <span className={styles.fileProblem}> {t(`errors.${problem.key}`)}</span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </fieldset>

        <div className={styles.actions}>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t("submit")}
          </button>
          <p role="status" className={styles.progress}>
            {phase === "reading" ? t("reading") : phase === "sending" ? t("sending") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
