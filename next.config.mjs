import { headerRules } from "./server/security/headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/adapter-pg", "pg"],
  // Only for local experiments while other work is in progress; npm test typechecks on its own.
  typescript: { ignoreBuildErrors: process.env.NEXT_IGNORE_TYPE_ERRORS === "1" },
  // Security headers for pages and every API route (server/security/headers.mjs).
  async headers() {
    return headerRules;
  },
};

export default nextConfig;
