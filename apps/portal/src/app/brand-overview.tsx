"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";

type OfferKey = "demo" | "real" | "wallets" | "manage" | "security";

export function BrandOverview() {
  const trpc = useTRPC();
  const { data: brand } = useSuspenseQuery(trpc.brand.get.queryOptions());
  const t = useTranslations("home");

  const offers: Array<{ key: OfferKey; available: boolean; note?: string }> = [
    { key: "demo", available: brand.allowDemoOpening },
    {
      key: "real",
      available: brand.allowRealOpening,
      ...(brand.allowRealOpening && brand.kycRequiredForReal ? { note: t("kycNote") } : {}),
    },
    { key: "wallets", available: true },
    { key: "manage", available: true },
    { key: "security", available: true },
  ];

  return (
    <div className="container stack-lg">
      <section className="hero" aria-labelledby="home-title">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1 id="home-title">{brand.displayName}</h1>
        <p className="lead">{t("intro")}</p>
        <p className="muted">{brand.selfServiceRegistration ? t("registrationOpen") : t("registrationClosed")}</p>
      </section>

      <section aria-labelledby="offers-title" className="stack">
        <h2 id="offers-title">{t("offersHeading")}</h2>
        <ul className="card-grid">
          {offers.map((offer) => (
            <li key={offer.key} className="card">
              <h3>{t(`offers.${offer.key}.title`)}</h3>
              <p>{t(`offers.${offer.key}.body`)}</p>
              {offer.note ? <p className="muted small">{offer.note}</p> : null}
              {offer.key === "demo" || offer.key === "real" ? (
                <p className={offer.available ? "badge badge--ok" : "badge badge--off"}>
                  {offer.available ? t("available") : t("notOffered")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function BrandOverviewSkeleton() {
  const t = useTranslations("home");
  return (
    <div className="container">
      <p role="status" className="muted">
        {t("loading")}
      </p>
    </div>
  );
}
