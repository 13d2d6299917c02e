import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const compose = readFileSync(path.resolve(import.meta.dirname, "../../../docker-compose.yml"), "utf8");
const SECRETS = ["AUTH_SECRET", "PAYMENT_WEBHOOK_SECRET", "MEILI_MASTER_KEY", "POSTGRES_PASSWORD"];

describe("docker-compose.yml", () => {
  it.each(SECRETS)("has no default for %s: a missing one stops `docker compose up` with its name", (name) => {
    const uses = [...compose.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, "g"))].map((match) => match[1]!);
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use).toMatch(new RegExp(`^:\\?${name} is required`));
  });

  it("holds no literal password or placeholder secret", () => {
    expect(compose).not.toMatch(/change-me|^\s*POSTGRES_PASSWORD: *[^$\s]|postgresql:\/\/\w+:\w+@/m);
  });
});
