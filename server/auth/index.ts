import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInInput } from "@/lib/validation/auth";
import { getDb } from "../db";
import { authSecret } from "../secrets";
import { clientIp } from "../security/client-ip";
import { useSecureCookies } from "../security/session-cookie";
import { sessionAbsoluteMs, touchSession } from "./session-lifetime";
import { authenticate, SignInThrottled } from "./sign-in";
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
    /** Epoch ms: when the user signed in, and when the session was last used (server/auth/session-lifetime.ts). */
    signedInAt?: number;
    lastSeenAt?: number;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Reaches signInAction (app/actions.ts) as is, with the wait to show. */
export class ThrottledCredentials extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

// Lazy so that nothing (the secret file, the database) is touched when Next builds the app.
export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // Secure + __Secure- prefix over https (see useSecureCookies); HttpOnly and SameSite=Lax are Auth.js's defaults.
  useSecureCookies: useSecureCookies(),
  // A refused sign-in is an expected answer (audited in audit_log), not a server error to log with a stack.
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  // The token never outlives the absolute limit; idle expiry is the lastSeenAt claim, moved by proxy.ts.
  session: { strategy: "jwt", maxAge: sessionAbsoluteMs / 1000 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await authenticate(getDb(), parsed.data.email, parsed.data.password, { ip: clientIp(request.headers) }).catch((error: unknown) => {
          throw error instanceof SignInThrottled ? new ThrottledCredentials(error.retryAfterMinutes) : error;
        });
        if (!user) throw new InvalidCredentials();
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token: current, user, trigger, session }) {
      let token = current;
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
        token.actingOrganizationId = null;
        token.signedInAt = token.lastSeenAt = Date.now();
      } else {
        const touched = touchSession(token);
        if (!touched) return null;
        token = touched;
      }
      if (trigger === "update" && session && typeof session === "object" && "actingOrganizationId" in session) {
        token.actingOrganizationId = (session as { actingOrganizationId: string | null }).actingOrganizationId;
      }
      return token;
    },
    session({ session, token }) {
      session.claims = {
        userId: token.userId ?? "",
        sessionVersion: token.sessionVersion ?? -1,
        actingOrganizationId: token.actingOrganizationId ?? null,
        signedInAt: token.signedInAt ?? 0,
        lastSeenAt: token.lastSeenAt ?? 0,
      };
      return session;
    },
  },
}));
