import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDomainError } from "@brokerage/api";
import { getServerCaller } from "~/trpc/server";
import { callForStaffPage, StaffOnly, staffPageAccess } from "../../staff-access";
import { StaffTable } from "../../staff-page";
import styles from "../../staff-pages.module.css";
import { CategoryAction, ManageActions, SupportActions } from "./customer-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff.customer");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/** One customer for staff: profile, KYC, accounts with balances, sessions, recent events, and the actions the role allows. */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const customerId = Number(id);
  const here = `/staff/customers/${customerId}`;
  const access = await staffPageAccess(here, "customers:read");
  if (access !== "staff") return <StaffOnly reason={access} />;

  const { me, file } = await callForStaffPage(here, async () => {
    const caller = await getServerCaller();
    const me = await caller.staffAuth.me();
    try {
      return { me, file: await caller.staffCustomers.get({ customerId }) };
    } catch (error) {
      if (getDomainError(error)?.code === "NOT_FOUND") return { me, file: null };
      throw error;
    }
  });
  if (!file) notFound();
  const [t, tc, tKyc, format] = await Promise.all([
    getTranslations("staff.customer"),
    getTranslations("staff.customer.compliance"),
    getTranslations("staff.review"),
    getFormatter(),
  ]);
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso}>
        {format.dateTime(new Date(iso), {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone: "UTC",
        })}
      </time>
    ) : (
      t("none")
    );
  const can = (p: string) => me.permissions.includes(p as never);

  return (
    <div className={`container ${styles.page}`}>
      <header className="stack">
        <p>
          <Link href="/staff/customers">{t("back")}</Link>
        </p>
        <h1>{file.name}</h1>
        <p className="lead">{t("summary", { id: file.customerId, email: file.email })}</p>
      </header>

      <section aria-labelledby="profile-title" className="stack">
        <h2 id="profile-title">{t("profile")}</h2>
        <dl className={styles.details}>
          <dt>{t("email")}</dt>
          <dd>
            {file.email} {file.emailVerifiedAt ? t("verified") : t("notVerified")}
          </dd>
          <dt>{t("phone")}</dt>
          <dd>{file.phone ?? t("none")}</dd>
          <dt>{t("status")}</dt>
          <dd>{file.status === 0 ? t("active") : t("disabled")}</dd>
          <dt>{t("language")}</dt>
          <dd>{file.preferredLanguage}</dd>
          <dt>{t("brand")}</dt>
          <dd>{file.brand.displayName}</dd>
          <dt>{t("deskId")}</dt>
          <dd>{file.deskId ?? t("none")}</dd>
          <dt>{t("manager")}</dt>
          <dd>{file.manager ? `${file.manager.name} (${file.manager.staffId})` : t("none")}</dd>
          <dt>{t("tanChannels")}</dt>
          <dd>{file.tanChannels.length > 0 ? file.tanChannels.join(", ") : t("none")}</dd>
          <dt>{t("conversionRateClass")}</dt>
          <dd>{file.conversionRateClass ?? t("none")}</dd>
          <dt>{t("twoFactor")}</dt>
          <dd>{file.otpEnabled ? t("on") : t("off")}</dd>
          <dt>{t("lastLogin")}</dt>
          <dd>{when(file.lastLoginAt)}</dd>
          <dt>{t("createdAt")}</dt>
          <dd>{when(file.createdAt)}</dd>
        </dl>
      </section>

      <section aria-labelledby="kyc-title" className="stack">
        <h2 id="kyc-title">{t("kyc")}</h2>
        {file.kyc ? (
          <>
            <p>
              {t("kycState", {
                status: tKyc(`statusNames.${file.kyc.statusName}`),
                current: file.kyc.currentLevel,
                required: file.kyc.requiredLevel,
              })}
            </p>
            {file.kyc.submissions.length > 0 ? (
              <ul>
                {file.kyc.submissions.map((s) => (
                  <li key={s.submissionId}>
                    {can("kyc:review") ? (
                      <Link href={`/staff/kyc/${s.submissionId}`}>
                        {t("submission", { id: s.submissionId, level: s.level })}
                      </Link>
                    ) : (
                      t("submission", { id: s.submissionId, level: s.level })
                    )}{" "}
                    — {tKyc(`submissionStatus.${s.status}`)}, {when(s.submittedAt)}
                    {s.reviews.map((r, i) => (
                      <span key={i}>
                        {" "}
                        ·{" "}
                        {t("review", {
                          decision: tKyc(`decisions.${r.decision}`),
                          staff: r.staff.name,
                        })}{" "}
                        {when(r.decidedAt)}
                        {r.reason ? ` (${r.reason})` : ""}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{t("noKyc")}</p>
        )}
      </section>

      <section aria-labelledby="compliance-title" className="stack">
        <h2 id="compliance-title">{tc("title")}</h2>
        <dl className={styles.details}>
          <dt>{tc("category")}</dt>
          <dd>{tc(`categories.${file.compliance.clientCategory}`)}</dd>
          {file.closedAt ? (
            <>
              <dt>{tc("closedAt")}</dt>
              <dd>{when(file.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        <h3>{tc("categoryChanges")}</h3>
        {file.compliance.categoryChanges.length === 0 ? (
          <p>{tc("noCategoryChanges")}</p>
        ) : (
          <ul>
            {file.compliance.categoryChanges.map((c, i) => (
              <li key={i}>
                {tc("categoryChange", { category: tc(`categories.${c.category}`), staff: c.staff.name, evidence: c.evidence })}{" "}
                {when(c.at)}
              </li>
            ))}
          </ul>
        )}
        <h3>{tc("acceptances")}</h3>
        {file.compliance.termsAcceptances.length === 0 ? (
          <p>{tc("noAcceptances")}</p>
        ) : (
          <ul>
            {file.compliance.termsAcceptances.map((a, i) => (
              <li key={i}>
                {tc("acceptance", {
                  version: a.version,
                  language: a.language,
                  ip: a.ip ?? tc("unknown"),
                  userAgent: a.userAgent ?? tc("unknown"),
                })}{" "}
                {when(a.acceptedAt)}
              </li>
            ))}
          </ul>
        )}
        <h3>{tc("assessments")}</h3>
        {file.compliance.assessments.length === 0 ? (
          <p>{tc("noAssessments")}</p>
        ) : (
          <ul>
            {file.compliance.assessments.map((a, i) => (
              <li key={i}>
                {tc("assessment", {
                  version: a.version,
                  outcome: a.passed ? tc("passed") : tc("failed"),
                  score: a.score,
                  passScore: a.passScore,
                })}{" "}
                {when(a.at)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="accounts-title" className="stack">
        <h2 id="accounts-title">{t("accounts")}</h2>
        {!file.coreAvailable ? (
          <p role="status" className="alert">
            {t("coreDown")}
          </p>
        ) : null}
        {file.accounts.length === 0 ? (
          <p>{t("noAccounts")}</p>
        ) : (
          <StaffTable caption={t("accountsCaption")} columns={[t("columns.login"), t("columns.accountId"), t("columns.group"), t("columns.balance"), t("columns.state")]}>
                {file.accounts.map((a) => (
                  <tr key={a.accountId}>
                    <th scope="row">{a.login}</th>
                    <td>{a.accountId}</td>
                    <td>
                      {a.group} ({a.mode})
                    </td>
                    <td>
                      {a.balance !== null
                        ? `${a.balance} ${a.currency}`
                        : a.archivedAt
                          ? t("none")
                          : t("balanceUnavailable")}
                    </td>
                    <td>
                      {a.archivedAt ? t("archived") : t("open")}
                      {!a.archivedAt && a.mode === "REAL" && can("money:adjust:request") ? (
                        <>
                          {" "}
                          <Link href={`/staff/adjustments?accountId=${a.accountId}`}>
                            {t("adjust", { login: a.login })}
                          </Link>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </StaffTable>
        )}
      </section>

      <section aria-labelledby="sessions-title" className="stack">
        <h2 id="sessions-title">{t("sessions")}</h2>
        {file.sessions.length === 0 ? (
          <p>{t("noSessions")}</p>
        ) : (
          <ul>
            {file.sessions.map((s) => (
              <li key={s.sessionId}>
                {t("session", { kind: s.kind, ip: s.ip ?? "?" })} {when(s.lastSeenAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {can("customers:support") ? <SupportActions customerId={file.customerId} /> : null}
      {can("customers:manage") ? (
        <ManageActions
          customerId={file.customerId}
          deskId={file.deskId}
          managerId={file.managerId}
          status={file.status}
        />
      ) : null}
      {can("customers:manage") ? (
        <CategoryAction customerId={file.customerId} category={file.compliance.clientCategory} />
      ) : null}

      <section aria-labelledby="events-title" className="stack">
        <h2 id="events-title">{t("events")}</h2>
        {file.recentEvents.length === 0 ? (
          <p>{t("noEvents")}</p>
        ) : (
          <ul>
            {file.recentEvents.map((e) => (
              <li key={e.eventId}>
                <code>{e.kind}</code> {when(e.at)}
                {e.staff ? ` · ${t("byStaff", { name: e.staff.name })}` : ""}
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">{t("timeZoneNote")}</p>
      </section>
    </div>
  );
}
