import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller } from "~/trpc/server";
import { describeUserAgent } from "./device";
import { SessionList, type SessionView } from "./session-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("title") };
}

export default async function SessionsPage() {
  await requireCustomer("/sessions");
  const [t, format, sessions] = await Promise.all([
    getTranslations("sessions"),
    getFormatter(),
    getServerCaller().then((caller) => caller.session.list()),
  ]);
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  // Formatted here, on the server, so the browser renders exactly the same text.
  const views: SessionView[] = sessions.map((session) => {
    const { browser, os } = describeUserAgent(session.userAgent);
    const device =
      session.kind === "API"
        ? t("apiClient")
        : browser && os
          ? t("device", { browser, os })
          : (browser ?? t("unknownBrowser"));
    return {
      id: session.id,
      current: session.current,
      device,
      userAgent: session.userAgent,
      address: session.ip ?? t("unknownAddress"),
      lastSeen: when(session.lastSeenAt),
      lastSeenAt: session.lastSeenAt,
      signedIn: when(session.createdAt),
      signedInAt: session.createdAt,
    };
  });
  // This device first, then the others by their last activity.
  views.sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <>
      <header className="stack">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      <SessionList sessions={views} />
    </>
  );
}
