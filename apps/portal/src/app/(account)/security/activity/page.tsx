import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireCustomer } from "~/session/current-customer";
import { getServerCaller } from "~/trpc/server";
import { describeUserAgent } from "../../sessions/device";
import styles from "../security.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activity");
  return { title: t("title") };
}

const CURSOR = /^[1-9]\d{0,18}$/;

/** next-intl keys cannot hold dots: `customer.login` is `kind.login` in the catalog. */
const kindKey = <K extends string>(kind: `customer.${K}`) => kind.slice("customer.".length) as K;

/**
 * The customer's own security events (session.activity): sign-ins, failed sign-ins,
 * factor and password changes, ended sessions; 20 a page, older ones behind a link.
 */
export default async function SecurityActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireCustomer("/security/activity");
  const params = await searchParams;
  const cursor = typeof params.before === "string" && CURSOR.test(params.before) ? params.before : undefined;
  const [t, format, page] = await Promise.all([
    getTranslations("activity"),
    getFormatter(),
    getServerCaller().then((caller) => caller.session.activity(cursor ? { cursor } : undefined)),
  ]);
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const device = (userAgent: string | null) => {
    const { browser, os } = describeUserAgent(userAgent);
    if (browser && os) return t("device", { browser, os });
    return browser ?? userAgent ?? t("unknownDevice");
  };
  return (
    <>
      <header className="stack">
        <p>
          <Link href="/security">{t("back")}</Link>
        </p>
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>
      {page.events.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className={`${styles.activity} stack`} aria-label={t("listLabel")}>
          {page.events.map((event) => (
            <li key={event.id} className={styles.activityItem}>
              <h2 className={styles.activityKind}>
                {t(`kind.${kindKey(event.kind)}`)}
                {event.newDevice ? <span className="badge badge--off">{t("newDevice")}</span> : null}
              </h2>
              <dl className={styles.activityMeta}>
                <dt>{t("when")}</dt>
                <dd>
                  <time dateTime={event.at}>{when(event.at)}</time>
                </dd>
                <dt>{t("address")}</dt>
                <dd>{event.ip ?? t("unknownAddress")}</dd>
                <dt>{t("deviceLabel")}</dt>
                <dd>{device(event.userAgent)}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      <p className="muted small">{t("timeZoneNote")}</p>
      {page.nextCursor ? (
        <p>
          <Link href={`/security/activity?before=${page.nextCursor}`}>{t("older")}</Link>
        </p>
      ) : null}
    </>
  );
}
