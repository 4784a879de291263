import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NavLink } from "./nav-link";

export async function SiteHeader({ brandName }: { brandName: string }) {
  const t = await getTranslations("layout");
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand-mark">
          {brandName}
        </Link>
        <nav aria-label={t("primaryNavigation")}>
          <ul className="nav-list">
            <li>
              <NavLink href="/">{t("home")}</NavLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
