import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `pnpm dev` proxies the API to a running `pnpm start` (port 8000 unless SHOP_API_URL says otherwise).
// eslint-disable-next-line no-restricted-properties -- build tooling, not the app
const api = process.env.SHOP_API_URL ?? "http://localhost:8000";

export default defineConfig({
  base: "/dashboard/",
  plugins: [react()],
  server: {
    proxy: {
      "/trpc": api,
      "/api": api,
      "/media": api,
      "/dashboard/auth": api,
    },
  },
  build: { outDir: "dist", emptyOutDir: true, manifest: true },
});
