import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeUserAgent } from "~/app/(account)/sessions/device";
import { getServerCaller } from "~/trpc/server";
import { StaffPage, StaffTable } from "../staff-page";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../staff-access";
import { endOwnStaffSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.sessions");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** The signed-in member's own sessions (15 idle minutes, 8 hours at most), each can be ended. */
export default async function StaffSessionsPage() {
  const here = "/staff/sessions";
  const access = await staffPageAccess(here, "staff:self");
  if (access !== "staff") return <StaffOnly reason={access} />;
  const [t, format] = await Promise.all([getTranslations("staff.sessions"), getFormatter()]);
  const sessions = await callForStaffPage(here, async () =>
    (await getServerCaller()).staffAuth.sessions(),
  );
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  return (
    <StaffPage title={t("title")} intro={t("intro")}>
      <StaffTable caption={t("caption")} columns={[t("device"), t("address"), t("signedIn"), t("lastSeen"), t("ends"), t("action")]}>
            {sessions.map((s) => {
              const device = describeUserAgent(s.userAgent);
              const name =
                device.browser && device.os
                  ? t("deviceName", { browser: device.browser, os: device.os })
                  : (s.userAgent ?? t("unknownDevice"));
              return (
                <tr key={s.id}>
                  <th scope="row">
                    {name}
                    {s.current ? <> ({t("thisBrowser")})</> : null}
                  </th>
                  <td>{s.ip ?? t("unknownAddress")}</td>
                  <td>{when(s.createdAt)}</td>
                  <td>{when(s.lastSeenAt)}</td>
                  <td>{when(s.expiresAt)}</td>
                  <td>
                    <form action={endOwnStaffSessionAction}>
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="button button--secondary">
                        {s.current ? t("signOutHere") : t("end", { device: name })}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </StaffTable>
      <p className="muted small">{t("timeZoneNote")}</p>
    </StaffPage>
  );
}
