import type { RouterOutputs } from "@brokerage/api";
import { getFormatter, getTranslations } from "next-intl/server";

type Message = RouterOutputs["dev"]["mailbox"][number];

/** One message; tests find it by its label, "Message to <recipient>". */
export async function MailboxMessage({ message }: { message: Message }) {
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  const writtenAt = new Date(message.createdAt);
  return (
    <article className="message" aria-label={t("messageLabel", { recipient: message.recipient })}>
      <header className="message__header">
        <span className="badge">{t(`channel.${message.channel}`)}</span>
        <span className="muted small">{t(`status.${message.status}`)}</span>
        <time dateTime={message.createdAt} className="muted small">
          {t("writtenAt")}{" "}
          {format.dateTime(writtenAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}
        </time>
      </header>
      <dl className="message__meta">
        <dt>{t("to")}</dt>
        <dd>{message.recipient}</dd>
        <dt>{t("subject")}</dt>
        <dd>{message.subject ?? t("noSubject")}</dd>
      </dl>
      <pre className="message__body">{message.body}</pre>
    </article>
  );
}
