import { describe, expect, it } from "vitest";
import { parseEnv } from "@shop/runtime";

describe("HOST (API.md, Configuration)", () => {
  it("defaults to 127.0.0.1 on the embedded database with its demo accounts, to 0.0.0.0 with DATABASE_URL", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({ DATABASE_URL: "postgresql://shop@db:5432/shop" }).HOST).toBe("0.0.0.0");
  });

  it("is whatever HOST says when set", () => {
    expect(parseEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(parseEnv({ HOST: "127.0.0.1", DATABASE_URL: "postgresql://shop@db:5432/shop" }).HOST).toBe("127.0.0.1");
  });
});
