import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "~/components/site-footer";
import { KycBanner } from "~/components/banners/kyc-banner";
import { VerifyEmailBanner } from "~/components/banners/verify-email-banner";
import { SiteHeader } from "~/components/site-header";
import { getBrandForFrame } from "~/server/brand";
import { getFrameViewer } from "~/session/current-customer";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

// Every page carries the request's CSP nonce and the session: nothing is prerendered.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, brand] = await Promise.all([getTranslations("metadata"), getBrandForFrame()]);
  const name = brand?.displayName ?? t("fallbackTitle");
  return { title: { default: name, template: `%s · ${name}` }, description: t("description") };
}

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1722" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, brand, viewer] = await Promise.all([
    getLocale(),
    getTranslations("layout"),
    getBrandForFrame(),
    getFrameViewer(),
  ]);
  const customer = viewer.kind === "customer";
  const brandName = brand?.displayName ?? t("fallbackBrand");
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <TRPCReactProvider>
            <SiteHeader brandName={brandName} />
            <main id="main" tabIndex={-1} className="site-main">
              {customer ? (
                <div className="container banners">
                  <VerifyEmailBanner />
                  <KycBanner />
                </div>
              ) : null}
              {children}
            </main>
            <SiteFooter brandName={brandName} />
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
