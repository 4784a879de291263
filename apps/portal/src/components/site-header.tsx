import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "~/app/actions/sign-out";
import { auth } from "~/auth";
import { navigationFor } from "./navigation";
import { NavLink } from "./nav-link";

export async function SiteHeader({ brandName }: { brandName: string }) {
  const [t, session] = await Promise.all([getTranslations("layout"), auth()]);
  const kind = session?.sessionId ? (session.kind ?? null) : null;
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={kind === "customer" ? "/accounts" : kind === "staff" ? "/staff/kyc" : "/"} className="brand-mark">
          {brandName}
        </Link>
        <nav aria-label={t("primaryNavigation")}>
          <ul className="nav-list">
            {navigationFor(kind).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{t(`nav.${item.label}`)}</NavLink>
              </li>
            ))}
            {kind ? (
              <li>
                <form action={signOutAction}>
                  <button type="submit" className="nav-link nav-button">
                    {t("signOut")}
                  </button>
                </form>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}
