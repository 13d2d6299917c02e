// Login latency through the real server in-process (app.inject): median and p95 of 100 logins.
// Run: pnpm bench:login  (uses the test PostgreSQL, like pnpm test)
import { ensureTemplateDatabase } from "@shop/testing";
import { createVerifiedUser } from "../test/users.ts";
import { startTestApp } from "../test/support.ts";

const ROUNDS = 100;

await ensureTemplateDatabase();
const t = await startTestApp({ contract: false });
try {
  const user = await createVerifiedUser(t);
  // Only failed logins count against the rate limits, so 100 good ones measure the real path, limiter included.
  const body = JSON.stringify({ username: user.username, password: user.password });
  const timings: number[] = [];
  for (let i = 0; i < ROUNDS + 5; i++) {
    const started = performance.now();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login/",
      payload: body,
      headers: { "content-type": "application/json" },
    });
    const elapsed = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`login ${i} answered ${res.statusCode}: ${res.body}`);
    if (i >= 5) timings.push(elapsed); // the first few warm up the JIT and the pool
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(1);
  console.log(`login latency over ${ROUNDS} logins (argon2id m=19 MiB t=2 p=1): median ${at(0.5)} ms, p95 ${at(0.95)} ms`);
} finally {
  await t.close();
}
