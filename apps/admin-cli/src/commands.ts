import type { ParseArgsConfig } from "node:util";
import type { Deps } from "@shop/api";

// The API (Prisma, the router) loads when a command runs, so `--help` answers at once.
const api = () => import("@shop/api");

type Options = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | undefined>;

interface Profile {
  id: number;
  username: string;
  email: string;
  role: string;
  is_active: boolean;
  date_joined: string;
}

export interface Command {
  /** As typed after `pnpm admin`, e.g. "seller create". */
  name: string;
  summary: string;
  usage: string;
  options: Options;
  required: string[];
  run(deps: Deps, values: Values): Promise<unknown>;
  /** The human-readable line(s) for stdout; `--json` prints the result itself. */
  describe(result: unknown): string;
}

const text = { type: "string" } as const;
const accountOptions: Options = {
  username: text,
  email: text,
  password: text,
  "password-stdin": { type: "boolean" },
  "first-name": text,
  "last-name": text,
};
const accountUsage = "--username U --email E (--password P | --password-stdin) [--first-name F] [--last-name L]";

const str = (value: string | boolean | undefined) => (typeof value === "string" ? value : undefined);

function accountInput(values: Values) {
  return {
    // Required options are checked before a command runs.
    username: str(values.username)!,
    email: str(values.email)!,
    password: str(values.password)!,
    first_name: str(values["first-name"]),
    last_name: str(values["last-name"]),
  };
}

/**
 * Everything but create-admin goes through the API's router as the system (staff rights, no
 * account needed), so every rule of the procedures applies and a fresh database can be onboarded.
 */
async function staffCaller(deps: Deps) {
  const { createCaller, createContext, SYSTEM_USER } = await api();
  return createCaller(await createContext(deps, { ip: "admin-cli", user: SYSTEM_USER }));
}

interface ModeratedReview {
  id: number;
  status: string;
  rating: number;
  comment: string;
  product: { id: number; name: string };
  user: { username: string };
}

const reviewLine = (r: ModeratedReview) => {
  const comment = r.comment.length > 60 ? `${r.comment.slice(0, 59)}…` : r.comment;
  return `review ${r.id} (${r.status}) ${r.rating}/5 by ${r.user.username} on product ${r.product.id} ${r.product.name}: ${JSON.stringify(comment)}`;
};

const describeAccount = (verb: string) => (result: unknown) => {
  const user = result as Profile;
  return `${verb} ${user.role} ${user.username} (id ${user.id}, ${user.email}).`;
};

export const commands: Command[] = [
  {
    name: "create-admin",
    summary: "create a staff account (the first one needs no other staff account)",
    usage: accountUsage,
    options: accountOptions,
    required: ["username", "email", "password"],
    // Like Django's createsuperuser: straight to the service, with registration's validation and password rules.
    async run(deps, values) {
      const { createAdmin, createContext, newAccountInput } = await api();
      const input = newAccountInput.parse(accountInput(values));
      const ctx = await createContext(deps, { ip: "admin-cli", user: null });
      return createAdmin(ctx, { ...input, firstName: input.first_name, lastName: input.last_name });
    },
    describe: describeAccount("Created"),
  },
  {
    name: "seller create",
    summary: "create a new, active seller (a welcome email is sent)",
    usage: accountUsage,
    options: accountOptions,
    required: ["username", "email", "password"],
    run: async (deps, values) => (await staffCaller(deps)).admin.createSeller(accountInput(values)),
    describe: (result) => `${describeAccount("Created")(result)} A welcome email is on its way.`,
  },
  {
    name: "seller promote",
    summary: "make an existing customer a seller (their sessions end; a welcome email is sent)",
    usage: "--email E",
    options: { email: text },
    required: ["email"],
    run: async (deps, values) => (await staffCaller(deps)).admin.promoteToSeller({ email: str(values.email)! }),
    describe: (result) =>
      `${(result as Profile).email} is now a seller; their sessions were ended and a welcome email is on its way.`,
  },
  {
    name: "seller list",
    summary: "list every seller",
    usage: "",
    options: {},
    required: [],
    run: async (deps) => (await staffCaller(deps)).admin.listSellers(),
    describe(result) {
      const sellers = result as Profile[];
      if (sellers.length === 0) return "No sellers yet.";
      const rows = sellers.map((s) => [String(s.id), s.username, s.email, s.is_active ? "active" : "inactive", s.date_joined]);
      const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
      return rows
        .map((row) =>
          row
            .map((cell, i) => cell.padEnd(widths[i] ?? 0))
            .join("  ")
            .trimEnd(),
        )
        .join("\n");
    },
  },
  {
    name: "seller revoke",
    summary: "turn a seller back into a customer (their sessions end at once)",
    usage: "--email E",
    options: { email: text },
    required: ["email"],
    run: async (deps, values) => (await staffCaller(deps)).admin.revokeSeller({ email: str(values.email)! }),
    describe: (result) => `${(result as Profile).email} is no longer a seller; their sessions were ended.`,
  },
  {
    name: "category create",
    summary: "create a category, optionally under a parent",
    usage: "--name N --slug S [--parent PARENT_SLUG] [--description D]",
    options: { name: text, slug: text, parent: text, description: text },
    required: ["name", "slug"],
    run: async (deps, values) =>
      (await staffCaller(deps)).categories.create({
        name: str(values.name)!,
        slug: str(values.slug)!,
        description: str(values.description),
        parent_slug: str(values.parent),
      }),
    describe(result) {
      const category = result as { id: number; name: string; slug: string };
      return `Created category ${category.name} (id ${category.id}, slug ${category.slug}).`;
    },
  },
  {
    name: "review list",
    summary: "list reviews by status, with product and author (the pending queue by default, oldest first)",
    usage: "[--status pending|published|hidden] [--page N] [--page-size N]",
    options: { status: text, page: text, "page-size": text },
    required: [],
    run: async (deps, values) =>
      (await staffCaller(deps)).reviews.moderationQueue({
        status: str(values.status) as "pending" | "published" | "hidden" | undefined,
        page: str(values.page),
        page_size: str(values["page-size"]),
      }),
    describe(result) {
      const page = result as { count: number; next: string | null; results: ModeratedReview[] };
      if (page.count === 0) return "No reviews in this status.";
      const rows = page.results.map(reviewLine);
      return [...rows, `${page.count} review(s)${page.next ? "; more with --page" : ""}.`].join("\n");
    },
  },
  {
    name: "review publish",
    summary: "publish a pending or hidden review: it is listed and counted in the product's rating at once",
    usage: "--id ID",
    options: { id: text },
    required: ["id"],
    run: async (deps, values) => (await staffCaller(deps)).reviews.publish({ id: str(values.id) }),
    describe: (result) => `Published ${reviewLine(result as ModeratedReview)}`,
  },
  {
    name: "review hide",
    summary: "hide a review: it leaves the product's list and rating at once",
    usage: "--id ID [--reason R]",
    options: { id: text, reason: text },
    required: ["id"],
    run: async (deps, values) => (await staffCaller(deps)).reviews.hide({ id: str(values.id), reason: str(values.reason) }),
    describe: (result) => `Hid ${reviewLine(result as ModeratedReview)}`,
  },
];
