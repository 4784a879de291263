import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter({ brandName }: { brandName: string }) {
  const t = await getTranslations("layout");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer", { brand: brandName })}</p>
        <p>
          <Link href="/staff/sign-in">{t("staffSignIn")}</Link> · <Link href="/api-reference">{t("apiReference")}</Link>
        </p>
      </div>
    </footer>
  );
}
