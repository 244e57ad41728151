import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/domain/password";
import { env } from "@/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "../db";
import { isSmtpConfigured, sendMail } from "./mail";
import { readAuthSecret } from "./secret";

/** Reset links are valid for an hour; better-auth deletes the token when it is used. */
export const RESET_TOKEN_SECONDS = 60 * 60;
export const SESSION_DAYS = 30;

/**
 * better-auth (pinned 1.7.25) over our Prisma client. Its HTTP handler is deliberately not
 * mounted: every auth flow goes through Waypoint's own route handlers (src/app/api/account/*),
 * which validate input with strict schemas, apply the password policy and rate limits, and then
 * call `getAuth().api.*` on the server. So there is exactly one way in for each operation.
 */
function createAuth() {
  return betterAuth({
    appName: "Waypoint",
    baseURL: env.APP_URL,
    secret: readAuthSecret(env.AUTH_SECRET, env.DATA_DIR),
    // One connection behind the adapter: no interactive transactions (docs/decisions/001).
    database: prismaAdapter(db, { provider: "sqlite", transaction: false }),
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "waypoint",
      useSecureCookies: env.APP_URL.startsWith("https://"),
      // The client address is set by Waypoint's server from the socket (scripts/server.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    session: { expiresIn: 60 * 60 * 24 * SESSION_DAYS, updateAge: 60 * 60 * 24 },
    user: { deleteUser: { enabled: true } },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      requireEmailVerification: isSmtpConfigured(),
      autoSignIn: true,
      resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, token }) {
        const link = `${env.APP_URL}/reset-password?token=${encodeURIComponent(token)}`;
        await sendMail({
          to: user.email,
          subject: "Reset your Waypoint password",
          text: `Someone (hopefully you) asked to reset the password of your Waypoint account.\n\nChoose a new password here within the next hour:\n${link}\n\nThe link works once. If you did not ask for this, ignore this message; your password stays as it is.`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: isSmtpConfigured(),
      sendOnSignIn: isSmtpConfigured(),
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60 * 24,
      async sendVerificationEmail({ user, token }) {
        const link = `${env.APP_URL}/verify-email?token=${encodeURIComponent(token)}`;
        await sendMail({
          to: user.email,
          subject: "Confirm your email for Waypoint",
          text: `Welcome to Waypoint. Confirm your email address to sign in:\n${link}\n\nThe link is valid for 24 hours.`,
        });
      },
    },
    // Last, as better-auth requires: lets auth.api calls in route handlers set cookies.
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { waypointAuth?: Auth };

/** The auth instance, created on first use (the build imports this module without a secret). */
export function getAuth(): Auth {
  holder.waypointAuth ??= createAuth();
  return holder.waypointAuth;
}

export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
