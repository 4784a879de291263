import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { CloseRelationship } from "./close-relationship";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("yourData");
  return { title: t("title") };
}

/** Issue 17: the customer's data (download) and closing the relationship. */
export default async function YourDataPage() {
  await requireCustomer("/your-data");
  const t = await getTranslations("yourData");
  return (
    <>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <section className="stack" aria-labelledby="export-title">
        <h2 id="export-title">{t("exportTitle")}</h2>
        <p>{t("exportIntro")}</p>
        <p>
          {/* A plain link: the browser downloads the attachment. */}
          <a className="button" href="/your-data/export" download>
            {t("exportButton")}
          </a>
        </p>
      </section>
      <CloseRelationship />
    </>
  );
}
