import { runAdmin } from "./run.ts";

process.exitCode = await runAdmin(process.argv.slice(2), process);
// Exit now: the migrate step leaves idle-connection timers behind that would hold the process ~10 s.
process.exit();
