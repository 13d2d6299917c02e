import { parseArgs } from "node:util";
import { commands, type Command, type Values } from "./commands.ts";
import { UsageError } from "./errors.ts";

export const globalOptions = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  verbose: { type: "boolean" },
} as const;

const commonHelp = [
  "Options for every command:",
  "  --json       print the result (or the error body) as JSON on stdout",
  "  --verbose    log what happens (database start, migrations) on stderr",
  "  -h, --help   show help",
  "",
  "The database is DATABASE_URL, or when unset the embedded PostgreSQL under DATA_DIR (default ./.data),",
  "shared with a running server. Exit code 0 on success, 1 with a one-line reason on stderr otherwise.",
];

export function overviewHelp(group?: string): string {
  const shown = commands.filter((c) => !group || c.name.startsWith(`${group} `));
  const width = Math.max(...shown.map((c) => c.name.length));
  return [
    `Usage: pnpm admin ${group ? `${group} <command>` : "<command>"} [options]`,
    "",
    "Commands:",
    ...shown.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    `Run \`pnpm admin <command> --help\` for a command's options.`,
    "",
    ...commonHelp,
  ].join("\n");
}

export function commandHelp(command: Command): string {
  return [
    `Usage: pnpm admin ${command.name} ${command.usage}`.trimEnd(),
    "",
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    "",
    ...commonHelp,
  ].join("\n");
}

export type Invocation =
  { kind: "help"; text: string } | { kind: "run"; command: Command; values: Values & { json?: boolean; verbose?: boolean } };

/** Picks the command from the leading words, then parses its options strictly. */
export function parseInvocation(argv: string[]): Invocation {
  const words = argv.slice(0, 2).filter((word) => !word.startsWith("-"));
  const command = commands.find((c) => c.name === words.join(" ")) ?? commands.find((c) => c.name === words[0]);
  if (!command) {
    const group = commands.some((c) => c.name.startsWith(`${words[0]} `)) ? words[0] : undefined;
    const wantsHelp = argv.length === 0 || argv.includes("--help") || argv.includes("-h");
    if (wantsHelp && (words.length === 0 || (group && words.length === 1))) return { kind: "help", text: overviewHelp(group) };
    const typed = words.join(" ") || argv[0] || "";
    throw new UsageError(`Unknown command "${typed}". Run \`pnpm admin --help\` for the list.`);
  }
  const rest = argv.slice(command.name.split(" ").length);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...globalOptions, ...command.options }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see \`pnpm admin ${command.name} --help\`)`);
  }
  const values = parsed.values as Values & { json?: boolean; verbose?: boolean; help?: boolean };
  if (values.help) return { kind: "help", text: commandHelp(command) };
  const missing = command.required.filter(
    (name) => values[name] === undefined && !(name === "password" && values["password-stdin"]),
  );
  if (missing.length > 0) {
    throw new UsageError(`Missing ${missing.map((name) => `--${name}`).join(", ")} (see \`pnpm admin ${command.name} --help\`)`);
  }
  if (values.password !== undefined && values["password-stdin"])
    throw new UsageError("Give --password or --password-stdin, not both.");
  return { kind: "run", command, values };
}
