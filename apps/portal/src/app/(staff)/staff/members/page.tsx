import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getServerCaller } from "~/trpc/server";
import { StaffPage, StaffTable } from "../staff-page";
import styles from "../staff-pages.module.css";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { InviteStaffForm } from "./invite-form";
import { MemberActions } from "./member-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.members");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** Staff management (ADMIN): every member, an invitation form, and per-member actions. */
export default async function StaffMembersPage() {
  const here = "/staff/members";
  const access = await staffPageAccess(here, "staff:manage");
  if (access !== "staff") return <StaffOnly reason={access} />;
  const [t, format] = await Promise.all([getTranslations("staff.members"), getFormatter()]);
  const { me, list } = await callForStaffPage(here, async () => {
    const caller = await getServerCaller();
    return { me: await caller.staffAuth.me(), list: await caller.staffMembers.list() };
  });

  return (
    <StaffPage title={t("title")} intro={t("intro")}>
      <StaffTable caption={t("caption")} columns={[t("name"), t("email"), t("role"), t("status"), t("actions")]}>
            {list.members.map((m) => (
              <tr key={m.id} data-staff-email={m.email}>
                <th scope="row">{m.name}</th>
                <td className={styles.email}>{m.email}</td>
                <td>{t(`roles.${m.role}`)}</td>
                <td>
                  <ul className="stack small">
                    <li>{m.enabled ? t("enabled") : t("disabled")}</li>
                    <li>
                      {m.otpEnabled
                        ? t("enrolled")
                        : m.passwordSet
                          ? t("notEnrolled")
                          : m.invitePending
                            ? t("invitePending")
                            : t("inviteExpired")}
                    </li>
                    <li>{t("activeSessions", { count: m.activeSessions })}</li>
                    <li>
                      {t("since", {
                        date: format.dateTime(new Date(m.createdAt), {
                          dateStyle: "medium",
                          timeZone: "UTC",
                        }),
                      })}
                    </li>
                  </ul>
                </td>
                <td>
                  {m.id === me.id ? (
                    <p className="muted small">{t("yourself")}</p>
                  ) : (
                    <MemberActions member={m} />
                  )}
                </td>
              </tr>
            ))}
          </StaffTable>
      <section className={styles.panel}>
        <InviteStaffForm />
      </section>
    </StaffPage>
  );
}
