import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { createSession } from "../../src/server/auth/sessions.ts";
import { totpAt } from "../../src/server/auth/totp.ts";
import type { Clock } from "../../src/server/clock.ts";
import type { Database } from "../../src/server/db/schema.ts";

/** A cookie-holding client for app.inject, like a browser tab: keeps the session and CSRF token. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  bearer: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    readonly remoteAddress = "127.0.0.1",
  ) {}

  async request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== "GET") headers["x-csrf-token"] = this.csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(payload ? { payload } : {}),
    });
    const setCookie = res.headers["set-cookie"];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) {
      const value = first.split(";")[0] as string;
      this.cookie = value.endsWith("=") ? undefined : value;
    }
    const body = res.headers["content-type"]?.toString().includes("json") ? res.json() : undefined;
    if (body && typeof body.csrfToken === "string") this.csrf = body.csrfToken;
    return res;
  }

  get(url: string) {
    return this.request("GET", url);
  }

  post(url: string, payload: object = {}) {
    return this.request("POST", url, payload);
  }
}

/** Signs in through the real endpoints (password, then TOTP when the user has one). */
export async function signedIn(
  app: FastifyInstance,
  user: { email: string; password: string; secret?: string },
  clock: Clock,
): Promise<TestClient> {
  const client = new TestClient(app);
  const login = await client.post("/api/v1/auth/login", {
    email: user.email,
    password: user.password,
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  if (login.json().status === "mfa_required") {
    if (!user.secret) throw new Error("user needs MFA but has no secret");
    const mfa = await client.post("/api/v1/auth/mfa", {
      code: await totpAt(user.secret, clock.now()),
    });
    if (mfa.statusCode !== 200) throw new Error(`mfa failed: ${mfa.statusCode} ${mfa.body}`);
  }
  return client;
}

/**
 * A client already past sign-in and MFA for one membership, without the password and TOTP
 * round trips (for suites that sign in hundreds of times, such as the authorization matrix).
 */
export async function sessionClient(
  app: FastifyInstance,
  db: Kysely<Database>,
  clock: Clock,
  who: { userId: string; membershipId: string },
): Promise<TestClient> {
  const session = await createSession(db, clock, { ...who, mfaPassed: true, clientIp: null });
  const client = new TestClient(app);
  client.cookie = `__Host-waypoint=${session.token}`;
  client.csrf = session.csrfToken;
  return client;
}
