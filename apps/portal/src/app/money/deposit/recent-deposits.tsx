import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "~/app/accounts/_lib/money";
import styles from "../money.module.css";

/** What the list shows of a deposit (the server caller's answer: dates are Dates there). */
export interface RecentDeposit {
  id: string;
  amount: string;
  currency: string;
  login: number;
  status: string;
  createdAt: Date | string;
}

/** The customer's last deposits, each linking to its status page. */
export async function RecentDeposits({ deposits }: { deposits: RecentDeposit[] }) {
  const [t, tStatus, format, locale] = await Promise.all([
    getTranslations("moneyDeposit"),
    getTranslations("depositStatus"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <section aria-labelledby="recent-deposits" className="stack">
      <h2 id="recent-deposits">{t("recentTitle")}</h2>
      {deposits.length === 0 ? (
        <p className="muted">{t("recentEmpty")}</p>
      ) : (
        <ul className={styles.list}>
          {deposits.map((d) => {
            const amount = formatMoney(d.amount, d.currency, locale);
            const date = format.dateTime(new Date(d.createdAt), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
            return (
              <li key={d.id} className={styles.item}>
                <span className={styles.itemText}>
                  <Link href={`/money/deposits/${d.id}`}>
                    {t("recentItem", { amount, login: d.login, status: statusWord(tStatus, d.status) })}
                  </Link>
                  <span className="muted small">
                    <time dateTime={new Date(d.createdAt).toISOString()}>{date}</time>
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

type StatusT = Awaited<ReturnType<typeof getTranslations<"depositStatus">>>;

/** A short word for a deposit's state in a list. */
function statusWord(t: StatusT, status: string): string {
  switch (status) {
    case "CREDITED":
      return t("shortCredited");
    case "DECLINED":
      return t("shortDeclined");
    case "EXPIRED":
      return t("shortExpired");
    case "CANCELED":
      return t("shortCanceled");
    case "CREDIT_REFUSED":
      return t("shortRefused");
    default:
      return t("shortWaiting");
  }
}
