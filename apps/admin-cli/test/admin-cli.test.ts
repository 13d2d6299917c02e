import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "./cli.ts";
import { createCustomer, startCliTestBed, statusOf, type CliTestBed } from "./test-bed.ts";

// The CLI runs in this process (runAdmin, what main.ts runs) against a test database of its own,
// with the API (as a caller) and a worker delivering email on the same database; the test as a
// child process is admin-cli.process.test.ts.
let bed: CliTestBed;
beforeAll(async () => {
  bed = await startCliTestBed();
});
afterAll(() => bed.close());

const admin = (...args: string[]) => runCli(args, bed.env);
const db = () => bed.runtime.deps.db;
const smtp = { nextMessageTo: (to: string) => bed.smtp.nextMessageTo(to) };
const password = "velvet-Harbor-42";

/** Fails with what the CLI printed, which is what one wants to read when it does. */
function expectExit(result: CliResult, code: 0 | 1) {
  expect(result.code, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(code);
}

/** A failure: exit 1 and exactly one line on stderr that says why. */
function expectFailure(result: CliResult, reason: RegExp) {
  expectExit(result, 1);
  const lines = result.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
}

const roleOf = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email }, select: { role: true } })).role;

describe("--help", () => {
  it("answers for the CLI, each group and every command", async () => {
    const names = [
      "create-admin",
      "seller create",
      "seller promote",
      "seller list",
      "seller revoke",
      "category create",
      "review list",
      "review publish",
      "review hide",
    ];
    const results = await Promise.all([
      admin("--help"),
      admin("seller", "--help"),
      ...names.map((name) => admin(...name.split(" "), "--help")),
    ]);
    for (const result of results) expectExit(result, 0);
    for (const name of names) expect(results[0]!.stdout).toContain(name);
    names.forEach((name, i) => expect(results[i + 2]!.stdout).toContain(`Usage: pnpm admin ${name}`));
  });

  it("rejects unknown commands and options, and missing options, in one line", async () => {
    const [unknown, option, missing] = await Promise.all([
      admin("seller", "frobnicate"),
      admin("seller", "list", "--colour"),
      admin("seller", "create", "--email", "x@example.com"),
    ]);
    expectFailure(unknown, /Unknown command "seller frobnicate"/);
    expectFailure(option, /Unknown option '--colour'/);
    expectFailure(missing, /Missing --username, --password/);
  });
});

describe("create-admin", () => {
  it("applies registration's password rules", async () => {
    const result = await admin(
      "create-admin",
      "--username",
      "boss",
      "--email",
      "boss@example.com",
      "--password",
      "12345678",
      "--json",
    );
    expectFailure(result, /The password is too weak\. --password: .*entirely numeric/);
    expect(result.json()).toMatchObject({ code: "VALIDATION_ERROR", fields: { password: expect.any(Array) } });
    expect(await db().user.count({ where: { username: "boss" } })).toBe(0);
  });

  it("validates the username and email like the API", async () => {
    const result = await admin("create-admin", "--username", "the boss", "--email", "not-an-email", "--password", password);
    expectFailure(result, /Invalid input\. --username: .* --email: /);
  });

  it("creates an active admin, and refuses a duplicate", async () => {
    const created = await admin(
      "create-admin",
      "--username",
      "boss",
      "--email",
      "boss@example.com",
      "--password",
      password,
      "--json",
    );
    expectExit(created, 0);
    expect(created.json()).toMatchObject({ username: "boss", email: "boss@example.com", role: "admin", is_active: true });
    expect(created.stderr).toBe("");

    const duplicate = await admin("create-admin", "--username", "boss", "--email", "BOSS@example.com", "--password", password);
    expectFailure(duplicate, /already exists\. --username: A user with that username already exists\. --email: /);
  });
});

describe("seller create", () => {
  it("creates an active seller who is welcomed by email and can log in", async () => {
    const result = await admin(
      "seller",
      "create",
      "--username",
      "sally",
      "--email",
      "sally@example.com",
      "--password",
      password,
      "--first-name",
      "Sally",
      "--last-name",
      "Seller",
      "--json",
    );
    expectExit(result, 0);
    expect(result.json()).toMatchObject({
      username: "sally",
      first_name: "Sally",
      last_name: "Seller",
      role: "seller",
      is_active: true,
    });

    const mail = await smtp.nextMessageTo("sally@example.com");
    expect(mail.subject).toBe("Welcome to Shop Luxe as a seller");
    expect(mail.text).toContain("POST /api/products/create/");
    expect(mail.html).toContain("<code>POST /api/products/create/</code>");

    const login = await (await bed.api()).auth.login({ username: "sally", password });
    expect(login.user.role).toBe("seller");
  });

  it("prints a readable line without --json", async () => {
    const result = await admin("seller", "create", "--username", "sam", "--email", "sam@example.com", "--password-stdin");
    expect(result.code).toBe(1); // nothing on stdin: an empty password
    const piped = await runCli(
      ["seller", "create", "--username", "sam", "--email", "sam@example.com", "--password-stdin"],
      bed.env,
      `${password}\n`,
    );
    expectExit(piped, 0);
    expect(piped.stdout.trim()).toMatch(/^Created seller sam \(id \d+, sam@example\.com\)\. A welcome email is on its way\.$/);
  });

  it("refuses a duplicate username or email, a weak password and a bad email", async () => {
    const [duplicate, weak, badEmail] = await Promise.all([
      admin("seller", "create", "--username", "sally", "--email", "other@example.com", "--password", password, "--json"),
      admin("seller", "create", "--username", "weak", "--email", "weak@example.com", "--password", "weak1234"),
      admin("seller", "create", "--username", "bad", "--email", "bad@", "--password", password),
    ]);
    expectFailure(duplicate, /--username: A user with that username already exists\.$/);
    expect(duplicate.json()).toEqual({
      detail: "An account with these details already exists.",
      code: "DUPLICATE",
      fields: { username: ["A user with that username already exists."] },
    });
    expectFailure(weak, /The password is too weak\. --password: .*too similar to the username or email/);
    expectFailure(badEmail, /Invalid input\. --email: /);
    expect(await db().user.count({ where: { username: { in: ["weak", "bad"] } } })).toBe(0);
  });
});

describe("seller promote", () => {
  it("makes a customer a seller, ends their sessions and welcomes them", async () => {
    const customer = await createCustomer(bed);
    const before = await customer.login();
    const result = await admin("seller", "promote", "--email", customer.email.toUpperCase());
    expectExit(result, 0);
    expect(result.stdout).toContain(`${customer.email} is now a seller`);
    expect(await roleOf(customer.email)).toBe("seller");

    expect(await statusOf((await bed.api()).auth.refreshToken({ refresh: before.refresh }))).toBe(401);
    expect(await statusOf((await bed.api(before.access)).profile.me())).toBe(401);
    const after = await customer.login();
    expect((await (await bed.api(after.access)).profile.me()).role).toBe("seller");
    expect((await smtp.nextMessageTo(customer.email)).subject).toBe("Welcome to Shop Luxe as a seller");

    expectFailure(await admin("seller", "promote", "--email", customer.email), /is already a seller\.$/);
  });

  it("fails for an unknown email or a staff account", async () => {
    const [unknown, staff] = await Promise.all([
      admin("seller", "promote", "--email", "nobody@example.com", "--json"),
      admin("seller", "promote", "--email", "boss@example.com"),
    ]);
    expectFailure(unknown, /^error: No account uses the email nobody@example\.com\.$/);
    expect(unknown.json()).toMatchObject({ code: "NOT_FOUND" });
    expectFailure(staff, /is staff, not a customer/);
  });
});

describe("seller list", () => {
  it("lists every seller, as JSON or as a table", async () => {
    const [json, table] = await Promise.all([admin("seller", "list", "--json"), admin("seller", "list")]);
    expectExit(json, 0);
    const sellers = json.json() as { username: string; role: string }[];
    expect(sellers.map((s) => s.username)).toEqual(expect.arrayContaining(["sally", "sam"]));
    expect(sellers.every((s) => s.role === "seller")).toBe(true);
    expect(sellers[0]).not.toHaveProperty("password_hash");
    expectExit(table, 0);
    expect(table.stdout).toMatch(/^\d+\s+sally\s+sally@example\.com\s+active\s+\S+$/m);
  });
});

describe("seller revoke", () => {
  it("turns the seller back into a customer: refresh and access tokens stop working at once", async () => {
    const created = await admin("seller", "create", "--username", "rex", "--email", "rex@example.com", "--password", password);
    expectExit(created, 0);
    const session = await (await bed.api()).auth.login({ username: "rex", password });
    expect(await statusOf((await bed.api(session.access)).profile.me())).toBe(200);

    const revoked = await admin("seller", "revoke", "--email", "rex@example.com", "--json");
    expectExit(revoked, 0);
    expect(revoked.json()).toMatchObject({ username: "rex", role: "customer" });
    expect(await roleOf("rex@example.com")).toBe("customer");
    expect(await db().session.count({ where: { user: { username: "rex" } } })).toBe(0);

    const refresh = await (await bed.api()).auth.refreshToken({ refresh: session.refresh }).catch((error: unknown) => error);
    expect(refresh).toMatchObject({ cause: { code: "INVALID_TOKEN" } });
    expect(await statusOf((await bed.api(session.access)).profile.me())).toBe(401);
    const again = await (await bed.api()).auth.login({ username: "rex", password });
    expect(again.user.role).toBe("customer");
  });

  it("makes the revoked seller's next product create answer 403", async () => {
    await admin("category", "create", "--name", "Hats", "--slug", "hats");
    const category = await db().category.findUniqueOrThrow({ where: { slug: "hats" }, select: { id: true } });
    const product = (sku: string) => ({
      name: "Felt hat",
      description: "Warm.",
      category: category.id,
      variants: [{ sku, name: "M", price: "19.99", stock: 3 }],
    });
    expectExit(
      await admin("seller", "create", "--username", "hatter", "--email", "hatter@example.com", "--password", password),
      0,
    );
    const before = await (await bed.api()).auth.login({ username: "hatter", password });
    expect(await statusOf((await bed.api(before.access)).products.create(product("HAT-1")))).toBe(200);

    expectExit(await admin("seller", "revoke", "--email", "hatter@example.com"), 0);
    expect(await statusOf((await bed.api(before.access)).products.create(product("HAT-2")))).toBe(401);
    const after = await (await bed.api()).auth.login({ username: "hatter", password });
    expect(await statusOf((await bed.api(after.access)).products.create(product("HAT-2")))).toBe(403);
  });

  it("fails for an unknown email or someone who is not a seller", async () => {
    const customer = await createCustomer(bed);
    const [unknown, notSeller] = await Promise.all([
      admin("seller", "revoke", "--email", "nobody@example.com"),
      admin("seller", "revoke", "--email", customer.email),
    ]);
    expectFailure(unknown, /No account uses the email nobody@example\.com\./);
    expectFailure(notSeller, /is not a seller\.$/);
  });
});

describe("category create", () => {
  it("creates root and child categories through the catalog's rules", async () => {
    const root = await admin("category", "create", "--name", "Clothing", "--slug", "clothing", "--json");
    expectExit(root, 0);
    const rootId = (root.json() as { id: number }).id;
    const child = await admin(
      "category",
      "create",
      "--name",
      "Shoes",
      "--slug",
      "shoes",
      "--parent",
      "clothing",
      "--description",
      "On foot.",
      "--json",
    );
    expectExit(child, 0);
    expect(child.json()).toMatchObject({ name: "Shoes", slug: "shoes", description: "On foot.", parent: rootId, children: [] });

    const [duplicate, orphan, badSlug] = await Promise.all([
      admin("category", "create", "--name", "Clothes", "--slug", "clothing"),
      admin("category", "create", "--name", "Boots", "--slug", "boots", "--parent", "no-such"),
      admin("category", "create", "--name", "Bad", "--slug", "Bad Slug"),
    ]);
    expectFailure(duplicate, /.+/);
    expect(await db().category.count({ where: { slug: "clothing" } })).toBe(1);
    expectFailure(orphan, /No such parent category\. --parent: No category with slug "no-such"\./);
    expectFailure(badSlug, /Invalid input\. --slug: /);
  });
});

describe("review list|publish|hide", () => {
  it("lists the pending queue, publishes into the rating, hides out of it with a reason and no hider account", async () => {
    const seller = await db().user.create({
      data: { username: "teapot_seller", email: "teapot@example.com", role: "seller", isActive: true, passwordHash: "unused" },
    });
    const category = await db().category.create({ data: { name: "Teaware", slug: "teaware" } });
    const product = await db().product.create({
      data: {
        sellerId: seller.id,
        categoryId: category.id,
        name: "Queued Teapot",
        slug: "queued-teapot",
        priceFrom: 2500,
        variants: { create: { sku: "TEAPOT-1", name: "White", price: 2500, stock: 3 } },
      },
    });
    const author = await createCustomer(bed);
    const authorId = (await db().user.findUniqueOrThrow({ where: { email: author.email } })).id;
    // As a review added under REVIEW_MODERATION=pre.
    const { id } = await db().review.create({
      data: { productId: product.id, userId: authorId, rating: 4, comment: "Pours well", status: "pending" },
      select: { id: true },
    });
    const ratingOf = () =>
      db().product.findUniqueOrThrow({ where: { id: product.id }, select: { reviewCount: true, ratingSum: true } });

    const list = await admin("review", "list");
    expectExit(list, 0);
    expect(list.stdout).toContain(`review ${id} (pending) 4/5 by ${author.username}`);
    expect(list.stdout).toContain(`product ${product.id} Queued Teapot: "Pours well"`);

    const published = await admin("review", "publish", "--id", String(id));
    expectExit(published, 0);
    expect(published.stdout.trim()).toMatch(new RegExp(`^Published review ${id} \\(published\\)`));
    expect(await ratingOf()).toEqual({ reviewCount: 1, ratingSum: 4 });

    const hidden = await admin("review", "hide", "--id", String(id), "--reason", "Spam link", "--json");
    expectExit(hidden, 0);
    expect(hidden.json()).toMatchObject({ id, status: "hidden", hidden_by: null, hidden_reason: "Spam link" });
    expect(await ratingOf()).toEqual({ reviewCount: 0, ratingSum: 0 });
    expect((await admin("review", "list", "--status", "hidden")).stdout).toContain(`review ${id} (hidden)`);

    const [missing, badStatus] = await Promise.all([
      admin("review", "hide", "--id", "999999"),
      admin("review", "list", "--status", "deleted"),
    ]);
    expectFailure(missing, /^error: Review not found\.$/);
    expectFailure(badStatus, /--status: /);
  });
});
