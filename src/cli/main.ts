import { UsageError } from "./usage-error.ts";

/**
 * `npm run -s cli -- <command>`. Each command lives in its own module, loaded only when called,
 * so `assess` starts without loading database drivers. Exit status: 0 success, 2 bad usage (one
 * line on stderr), 1 failure.
 */
interface Command {
  summary: string;
  usage: string;
  load: () => Promise<{ run(args: string[]): Promise<number | undefined> }>;
}

const COMMANDS: Record<string, Command> = {
  assess: {
    summary: "assess one facts document (JSON) from FILE or stdin; prints the assessment",
    usage: "assess [FILE] [--lang en|es]",
    load: () => import("./commands/assess.ts"),
  },
  audit: {
    summary:
      "verify the signed hash chain of the audit trail (exit 1 names the first bad row); seal pending rows",
    usage: "audit verify [--public-key KEY] | audit seal",
    load: () => import("./commands/audit.ts"),
  },
  routing: {
    summary:
      "list the counties whose child reports would reach no CPS investigator of their own office",
    usage: "routing check",
    load: () => import("./commands/routing.ts"),
  },
  backup: {
    summary:
      "write a consistent backup of the database, safe while servers run (docs/operations.md)",
    usage: "backup --to FILE [--force]",
    load: () => import("./commands/backup.ts"),
  },
  "demo-load": {
    summary: "add N synthetic cases fast (bulk loader; demo accounts first if empty), never prod",
    usage: "demo-load [--cases N] [--seed N]",
    load: () => import("./commands/demo-load.ts"),
  },
  keys: {
    summary: "add a new encryption key and re-encrypt identity fields with it",
    usage: "keys rotate",
    load: () => import("./commands/keys.ts"),
  },
  migrate: {
    summary: "apply database migrations (DATABASE_URL)",
    usage: "migrate",
    load: () => import("./commands/migrate.ts"),
  },
  restore: {
    summary: "restore a backup into an empty database; checks integrity, audit chain and key file",
    usage: "restore --from FILE [--force]",
    load: () => import("./commands/restore.ts"),
  },
  "seed-demo": {
    summary: "fill an empty database with synthetic demo data",
    usage: "seed-demo [--cases N] [--seed N]",
    load: () => import("./commands/seed-demo.ts"),
  },
  token: {
    summary: "create an API token acting as a user (printed once)",
    usage: "token create --user EMAIL --name NAME [--expires DAYS] | token revoke TOKEN_ID",
    load: () => import("./commands/token.ts"),
  },
  user: {
    summary: "create accounts (password on stdin), unlock or disable them, audit their roles",
    usage:
      "user create-admin --email EMAIL | create --email E --agency ID --role R | unlock EMAIL | disable EMAIL | audit-roles",
    load: () => import("./commands/user.ts"),
  },
};

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    "Usage: npm run -s cli -- <command> [options]",
    "",
    "Commands:",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Configuration comes from the environment (DATABASE_URL, …); see README.md.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}" (try --help)`);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`Usage: npm run -s cli -- ${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  const module = await command.load();
  return (await module.run(args)) ?? 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
