import { getDomainError } from "@brokerage/api";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "~/auth";
import { safeRedirectPath } from "~/security/safe-redirect";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffSignInPath } from "../staff-access";
import { StaffEnrolment } from "./staff-enrolment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.enrol");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * Where a staff member without TOTP lands before any staff page: staff always sign in
 * with a password and a code. An enrolled member goes straight on to `returnTo`.
 */
export default async function StaffEnrolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const returnTo = safeRedirectPath((await searchParams).returnTo, { prefix: "/staff" }) ?? "/staff";
  const here = `/staff/enrol?returnTo=${encodeURIComponent(returnTo)}`;
  const session = await auth();
  if (!session?.sessionId) redirect(staffSignInPath(here));
  if (session.kind !== "staff") return <StaffOnly reason="customer" />;

  const status = await callForStaffPage(here, async () => {
    try {
      return await (await getServerCaller()).staffAuth.enrolment.status();
    } catch (error) {
      // Enrolment answers FORBIDDEN to a member who has enrolled: nothing to do here.
      if (getDomainError(error)?.code === "FORBIDDEN") redirect(returnTo);
      throw error;
    }
  });
  const t = await getTranslations("staff.enrol");

  return (
    <div className="container stack">
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro", { name: status.name })}</p>
      </header>
      <StaffEnrolment account={status.email} issuer={status.issuer} returnTo={returnTo} />
    </div>
  );
}
