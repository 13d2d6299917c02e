import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createCaller, createContext, type Deps } from "@shop/api";
import { sendError } from "./http-errors.ts";
import { contextOf } from "./request-context.ts";
import { CSP_DIRECTIVES } from "./security-headers.ts";

/** The built dashboard (apps/dashboard/dist), served at /dashboard/. */
export const DASHBOARD_DIST = path.resolve(import.meta.dirname, "../../dashboard/dist");
const PREFIX = "/dashboard/";
const AUTH_PATH = "/dashboard/auth/";
const REFRESH_COOKIE = "shop_dashboard_refresh";
const REFRESH_MAX_AGE_SECONDS = 30 * 24 * 3600; // the session's own lifetime

/** The server's CSP plus blob: images (the preview of an image before upload), as one header value. */
function dashboardCsp(https: boolean): string {
  const directives: Record<string, readonly string[]> = {
    ...CSP_DIRECTIVES,
    imgSrc: [...CSP_DIRECTIVES.imgSrc, "blob:"],
    ...(https && { upgradeInsecureRequests: [] }),
  };
  return Object.entries(directives)
    .map(([name, sources]) => [name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...sources].join(" "))
    .join("; ");
}

const customerRefused = {
  detail: "The dashboard is for sellers and staff. Customers shop on the storefront.",
  code: "PERMISSION_DENIED",
};

/**
 * The seller and staff dashboard: its built assets with an SPA fallback, and three auth routes that
 * keep the refresh token in an httpOnly, SameSite=Strict cookie scoped to /dashboard/auth/, so page
 * scripts only ever hold the short-lived access token.
 */
export async function registerDashboard(app: FastifyInstance, deps: Deps, distDir = DASHBOARD_DIST): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyCookie);
    /** The request's own caller, or one acting with an access token the route just obtained. */
    const callerFor = async (request: FastifyRequest, access?: string) =>
      createCaller(
        access === undefined
          ? await contextOf(deps, request)
          : await createContext(deps, { authorization: `Bearer ${access}`, ip: request.ip }),
      );
    const setRefreshCookie = (reply: FastifyReply, refresh: string) =>
      reply.setCookie(REFRESH_COOKIE, refresh, {
        path: AUTH_PATH,
        httpOnly: true,
        sameSite: "strict",
        secure: "auto",
        maxAge: REFRESH_MAX_AGE_SECONDS,
      });
    const clearRefreshCookie = (reply: FastifyReply) => reply.clearCookie(REFRESH_COOKIE, { path: AUTH_PATH });

    scope.post<{ Body: { username?: unknown; password?: unknown } }>(`${AUTH_PATH}login`, async (request, reply) => {
      try {
        const body = request.body ?? {};
        const caller = await callerFor(request);
        const session = await caller.auth.login({ username: body.username as string, password: body.password as string });
        if (session.user.role === "customer") {
          const asUser = await callerFor(request, session.access);
          await asUser.auth.logout({ refresh: session.refresh });
          return reply.code(403).send(customerRefused);
        }
        setRefreshCookie(reply, session.refresh);
        return { access: session.access, user: session.user };
      } catch (error) {
        return sendError(error, request, reply);
      }
    });

    scope.post(`${AUTH_PATH}refresh`, async (request, reply) => {
      try {
        const refresh = request.cookies[REFRESH_COOKIE];
        if (!refresh) return reply.code(401).send({ detail: "Not signed in.", code: "NOT_AUTHENTICATED" });
        const { access } = await (await callerFor(request)).auth.refreshToken({ refresh });
        const asUser = await callerFor(request, access);
        const user = await asUser.profile.me();
        return { access, user };
      } catch (error) {
        clearRefreshCookie(reply);
        return sendError(error, request, reply);
      }
    });

    scope.post(`${AUTH_PATH}logout`, async (request, reply) => {
      try {
        const refresh = request.cookies[REFRESH_COOKIE];
        clearRefreshCookie(reply);
        if (refresh) {
          const { access } = await (await callerFor(request)).auth.refreshToken({ refresh });
          const asUser = await callerFor(request, access);
          await asUser.auth.logout({ refresh });
        }
        return reply.code(204).send();
      } catch (error) {
        return sendError(error, request, reply);
      }
    });
  });

  const indexFile = path.join(distDir, "index.html");
  if (!existsSync(indexFile)) {
    app.get(`${PREFIX}*`, (_request, reply) =>
      reply
        .code(503)
        .type("text/plain")
        .send("The dashboard is not built: run `pnpm --filter @shop/dashboard build` (pnpm start does it)."),
    );
    return;
  }
  const indexHtml = await readFile(indexFile, "utf8");
  const csp = dashboardCsp(new URL(deps.config.publicUrl).protocol === "https:");
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: PREFIX,
    decorateReply: false,
    wildcard: false,
    index: false,
    // Hashed file names under assets/ never change; everything else is revalidated.
    setHeaders(reply, filePath) {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  // Every other path under /dashboard/ is a page of the single-page app.
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) =>
    request.url.startsWith(`${PREFIX}assets/`)
      ? reply.code(404).send({ detail: "Not found.", code: "NOT_FOUND" })
      : reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "no-cache")
          .header("content-security-policy", csp)
          .send(indexHtml);
  app.get(PREFIX, sendIndex);
  app.get(`${PREFIX}*`, sendIndex);
}
