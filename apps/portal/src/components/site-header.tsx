import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "~/app/actions/sign-out";
import { getFrameViewer } from "~/session/current-customer";
import { LanguageSwitcher } from "./language-switcher";
import { navigationFor } from "./navigation";
import { NavLink } from "./nav-link";

export async function SiteHeader({ brandName }: { brandName: string }) {
  // A customer whose session ended elsewhere (revoked, expired) sees the visitor's header.
  const [t, { kind }] = await Promise.all([getTranslations("layout"), getFrameViewer()]);
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={kind === "customer" ? "/accounts" : kind === "staff" ? "/staff" : "/"} className="brand-mark">
          {brandName}
        </Link>
        <nav aria-label={t("primaryNavigation")}>
          <ul className="nav-list">
            {navigationFor(kind).map((item, _index, items) => (
              <li key={item.href}>
                <NavLink href={item.href} siblings={items.map((i) => i.href)}>
                  {t(`nav.${item.label}`)}
                </NavLink>
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
        <LanguageSwitcher />
      </div>
    </header>
  );
}
