import type { RouterOutputs } from "@brokerage/api";
import { getTranslations } from "next-intl/server";
import { formatFileSize } from "~/components/kyc/kyc-words";
import styles from "./review.module.css";

const documentUrl = (documentId: string) =>
  `/staff/kyc/documents/${encodeURIComponent(documentId)}`;

const TYPE_LABEL: Record<string, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "application/pdf": "PDF",
};

/** The submission's files: images shown in place, PDFs as links; both open in a new tab. */
export async function SubmissionDocuments({ documents }: { documents: RouterOutputs["kycReview"]["get"]["documents"] }) {
  const t = await getTranslations("staff.review");
  const size = (bytes: number) => t("fileSize", formatFileSize(bytes));
  return (
    <section aria-labelledby="documents-title" className={styles.panel}>
      <h2 id="documents-title">{t("documentsHeading")}</h2>
      {documents.length === 0 ? (
        <p>{t("noDocuments")}</p>
      ) : (
        <ul className={styles.documents}>
          {documents.map((doc, index) => {
            const url = documentUrl(doc.documentId);
            const type = TYPE_LABEL[doc.contentType] ?? doc.contentType;
            return (
              <li key={doc.documentId}>
                {doc.contentType.startsWith("image/") ? (
                  <figure className={styles.figure}>
                    {/* A private document behind the staff session: no image optimiser may fetch or cache it. */}
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img
                      src={url}
                      alt={t("documentAlt", {
                        index: index + 1,
                        count: documents.length,
                        name: doc.fileName,
                      })}
                      className={styles.image}
                    />
                    <figcaption>
                      <a href={url} target="_blank" rel="noopener noreferrer">
                        {t("openImage", { name: doc.fileName })}
                      </a>
                      <span className={styles.meta}>
                        {t("documentMeta", { type, size: size(doc.size) })}
                      </span>
                    </figcaption>
                  </figure>
                ) : (
                  <p className={styles.pdf}>
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {t("openPdf", { name: doc.fileName, size: size(doc.size) })}
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
