import { randomBytes } from "node:crypto";
import type { Role } from "@shop/db";
import { hashPassword } from "@shop/api";
import { httpClient, type TestApp } from "./support.ts";

export interface TestUser {
  id: number;
  username: string;
  email: string;
  password: string;
  login(): Promise<{ access: string; refresh: string }>;
}

/** A verified account written straight to the database (registration has its own tests). */
export async function createVerifiedUser(t: TestApp, role: Role = "customer"): Promise<TestUser> {
  const suffix = randomBytes(4).toString("hex");
  const username = `user_${suffix}`;
  const email = `${username}@example.com`;
  const password = `tidy-Lantern-${suffix}`;
  const { id } = await t.db.user.create({
    data: { username, email, role, isActive: true, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  return {
    id,
    username,
    email,
    password,
    async login() {
      const res = await httpClient(t.app).post("/api/auth/login/", { username, password });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return res.json();
    },
  };
}
