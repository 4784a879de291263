import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller } from "~/trpc/server";
import { EmailChange } from "./email-change";
import { LanguageForm } from "./language-form";
import { NameForm } from "./name-form";
import { PhoneChange } from "./phone-change";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

/** The customer's own profile (issue 15): name, language, e-mail address, phone number. */
export default async function ProfilePage() {
  await requireCustomer("/profile");
  const [t, profile] = await Promise.all([getTranslations("profile"), getServerCaller().then((caller) => caller.profile.get())]);
  return (
    <>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <NameForm firstName={profile.firstName} lastName={profile.lastName} locked={profile.nameLocked} />
      <LanguageForm language={profile.preferredLanguage} />
      <EmailChange email={profile.email} verified={profile.emailVerified} pending={profile.pendingEmail?.newEmail ?? null} />
      <PhoneChange
        phone={profile.phone}
        verified={profile.phoneVerified}
        smsOtpEnabled={profile.smsOtpEnabled}
        pending={profile.pendingPhone?.newPhone ?? null}
      />
    </>
  );
}
