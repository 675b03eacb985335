import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInInput } from "@/lib/validation/auth";
import { getDb } from "../db";
import { authSecret } from "../secrets";
import { authenticate } from "./sign-in";
import type { SessionClaims } from "./session-user";

declare module "next-auth" {
  // Module augmentation needs an interface.
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    claims: SessionClaims;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    userId?: string;
    sessionVersion?: number;
    actingOrganizationId?: string | null;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

// Lazy so that nothing (the secret file, the database) is touched when Next builds the app.
export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // A refused sign-in is an expected answer (audited in audit_log), not a server error to log with a stack.
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await authenticate(getDb(), parsed.data.email, parsed.data.password);
        if (!user) throw new InvalidCredentials();
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
        token.actingOrganizationId = null;
      }
      if (trigger === "update" && session && typeof session === "object" && "actingOrganizationId" in session) {
        token.actingOrganizationId = (session as { actingOrganizationId: string | null }).actingOrganizationId;
      }
      return token;
    },
    session({ session, token }) {
      session.claims = { userId: token.userId ?? "", sessionVersion: token.sessionVersion ?? -1, actingOrganizationId: token.actingOrganizationId ?? null };
      return session;
    },
  },
}));
