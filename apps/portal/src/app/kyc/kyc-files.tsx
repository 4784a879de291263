"use client";

// The document's photos or scans: the kit's file field, and the files picked so far with
// their size and, after a refused attempt, each one's problem.
import { ACCEPTED_DOCUMENT_TYPES } from "@brokerage/validators";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { FileField, useFileProblems } from "~/components/forms";
import { formatFileSize } from "~/components/kyc/kyc-words";
import { kycFieldId } from "./form-layout";
import styles from "./kyc-form.module.css";

export function KycFiles() {
  const t = useTranslations("kyc.form");
  const files = (useWatch({ name: "files" }) ?? []) as ReadonlyArray<File>;
  const problems = useFileProblems("files");
  return (
    <>
      <FileField
        id={kycFieldId("files")}
        name="files"
        label={t("files")}
        hint={t("filesHint")}
        accept={ACCEPTED_DOCUMENT_TYPES.join(",")}
        className={styles.fileInput}
        fileProblem={(name, error) => t("fileError", { name, error })}
      />
      <div className={styles.fileList}>
        <p className={styles.fileListTitle} id="kyc-selected-files">
          {t("selectedFiles")}
        </p>
        {files.length === 0 ? (
          <p className={styles.hint}>{t("noFiles")}</p>
        ) : (
          <ul aria-labelledby="kyc-selected-files">
            {files.map((file, index) => {
              const problem = problems.files[index];
              return (
                <li key={`${file.name}-${index}`} className={problem ? styles.fileInvalid : undefined}>
                  <span className={styles.fileName}>{file.name}</span>{" "}
                  <span className={styles.fileSize}>({t("fileSize", formatFileSize(file.size))})</span>
                  {problem ? <span className={styles.fileProblem}> {problem}</span> : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}
