import { execFile } from "node:child_process";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";

const appDir = path.resolve(import.meta.dirname, "..");
const stamp = path.join(appDir, "dist/.vite/manifest.json");
const lockDir = path.join(appDir, ".build-lock");
const inputs = [
  path.join(appDir, "src"),
  path.join(appDir, "index.html"),
  path.join(appDir, "vite.config.ts"),
  path.join(appDir, "package.json"),
  path.resolve(appDir, "../../packages/client/src"),
];

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestChange(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

async function isStale(): Promise<boolean> {
  const built = await stat(stamp).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const changed = Math.max(...(await Promise.all(inputs.map(newestChange))));
  return changed > built;
}

/** Builds apps/dashboard/dist when it is missing or older than its sources; one build at a time across processes. */
export async function buildDashboardIfStale(): Promise<"fresh" | "built"> {
  for (;;) {
    if (!(await isStale())) return "fresh";
    try {
      await mkdir(lockDir);
    } catch {
      // Another process is building; a lock older than two minutes is left over from a crash.
      const age = await stat(lockDir).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > 120_000) await rm(lockDir, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!(await isStale())) return "fresh";
      // A process of its own with NODE_ENV=production: under vitest (NODE_ENV=test) React's dev build would be bundled.
      const vite = path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin/vite.js");
      await promisify(execFile)(process.execPath, [vite, "build", "--logLevel", "warn"], {
        cwd: appDir,
        env: { ...process.env, NODE_ENV: "production" },
      });
      return "built";
    } finally {
      await rm(lockDir, { recursive: true, force: true });
    }
  }
}

// Run as a script (not imported by a test).
if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const result = await buildDashboardIfStale();
  console.log(result === "built" ? "dashboard: built apps/dashboard/dist" : "dashboard: apps/dashboard/dist is up to date");
}
