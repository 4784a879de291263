import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "./staff-access";
import { STAFF_SECTIONS } from "./staff-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.home");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** The staff home: who is signed in, and the sections their role allows. */
export default async function StaffHome() {
  const access = await staffPageAccess("/staff", "staff:self");
  if (access !== "staff") return <StaffOnly reason={access} />;
  const [t, tNav, me] = await Promise.all([
    getTranslations("staff.home"),
    getTranslations("staff.nav"),
    callForStaffPage("/staff", async () => (await getServerCaller()).staffAuth.me()),
  ]);
  const sections = STAFF_SECTIONS.filter((s) => s.href !== "/staff" && me.permissions.includes(s.permission));
  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("signedInAs", { name: me.name, email: me.email, role: t(`roles.${me.role}`) })}</p>
      </header>
      {sections.length === 0 ? (
        <p>{t("nothing")}</p>
      ) : (
        <ul className="card-grid" aria-label={t("sectionsLabel")}>
          {sections.map((s) => (
            <li key={s.href} className="card stack">
              <h2>
                <Link href={s.href}>{tNav(s.label)}</Link>
              </h2>
              <p>{t(`sections.${s.label}`)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
