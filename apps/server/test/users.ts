import type { Role } from "@shop/db";
import { createVerifiedUser as createUser, type VerifiedUser } from "@shop/testing";
import { httpClient, type TestApp } from "./support.ts";

export interface TestUser extends VerifiedUser {
  login(): Promise<{ access: string; refresh: string }>;
}

/** A verified account written straight to the database (registration has its own tests), logging in over HTTP. */
export async function createVerifiedUser(t: TestApp, role: Role = "customer"): Promise<TestUser> {
  const user = await createUser(t.db, role);
  return {
    ...user,
    async login() {
      const res = await httpClient(t.app).post("/api/auth/login/", { username: user.username, password: user.password });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return res.json();
    },
  };
}
