import { getDomainError, type RouterOutputs } from "@brokerage/api";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FilterForm, FilterText } from "~/components/filters/filter-form";
import { getServerCaller } from "~/trpc/server";
import { MailboxMessage } from "./mailbox-message";

type Messages = RouterOutputs["dev"]["mailbox"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailbox");
  return { title: t("title"), robots: { index: false, follow: false } };
}

function recipientFrom(value: string | string[] | undefined): string | undefined {
  const recipient = (Array.isArray(value) ? value[0] : value)?.trim();
  return recipient ? recipient : undefined;
}

/** Every message the portal wrote, for developers and the end-to-end tests. */
export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const recipient = recipientFrom((await searchParams).to);
  const t = await getTranslations();

  let messages: Messages = [];
  let problem: string | undefined;
  try {
    messages = await (await getServerCaller()).dev.mailbox(recipient ? { recipient } : undefined);
  } catch (error) {
    const code = getDomainError(error)?.code;
    // The procedure answers NOT_FOUND where the mailbox does not exist (production).
    if (code === "NOT_FOUND") notFound();
    if (code !== "INVALID_DATA") throw error;
    problem = t("errors.INVALID_DATA");
  }

  return (
    <div className="container stack-lg">
      <header className="stack">
        <h1>{t("mailbox.title")}</h1>
        <p className="lead">{t("mailbox.intro")}</p>
      </header>

      <FilterForm
        action="/dev/mailbox"
        search
        label={t("mailbox.filterLabel")}
        applyLabel={t("mailbox.filterSubmit")}
        clearLabel={recipient ? t("mailbox.clearFilter") : undefined}
      >
        <FilterText name="to" type="search" label={t("mailbox.filterLabel")} defaultValue={recipient ?? ""} autoComplete="off" hint={t("mailbox.filterHint")} />
      </FilterForm>

      {problem ? (
        <p role="alert" className="alert">
          {problem}
        </p>
      ) : null}

      <section aria-labelledby="mailbox-messages" className="stack">
        <h2 id="mailbox-messages" className="visually-hidden">
          {t("mailbox.title")}
        </h2>
        <p role="status">
          {recipient
            ? t("mailbox.countFor", { count: messages.length, recipient })
            : t("mailbox.count", { count: messages.length })}
        </p>
        {messages.length > 0 ? <p className="muted small">{t("mailbox.timeZoneNote")}</p> : null}
        {messages.length === 0 && !recipient ? <p>{t("mailbox.empty")}</p> : null}
        {messages.length > 0 ? (
          <ol className="message-list">
            {messages.map((message) => (
              <li key={message.id}>
                <MailboxMessage message={message} />
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
