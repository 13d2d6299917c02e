import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Files allowed to read process.env: each app's env.ts, and tooling that runs outside an app. */
const envReaders = [
  "**/env.ts",
  "**/migrate/**",
  "**/testing/**",
  "**/test/**",
  "**/bench/**",
  "**/prisma.config.ts",
  "**/scripts/**",
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/src/generated/**", "**/dist/**", "**/.data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through the app's env.ts, validated once." },
      ],
    },
  },
  {
    // Apps are composition roots: they share code through packages, never by importing one another
    // (nor do packages import apps). e2e/ tests the whole system, so it may import every app.
    ignores: ["e2e/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@shop/(server|worker|admin-cli|dashboard)(/|$)|(\\.\\./)+(apps/)?(server|worker|admin-cli|dashboard)/)",
              message: "Apps do not import one another: move what they share into a package.",
            },
          ],
        },
      ],
    },
  },
  { files: envReaders, rules: { "no-restricted-properties": "off" } },
);
