import { readFile } from "node:fs/promises";
import { assess, FactsError, parseFactsJson } from "../../domain/assessment/index.ts";
import { isLanguage, LANGUAGES } from "../../domain/i18n/index.ts";
import { parseCommandArgs } from "../args.ts";
import { UsageError } from "../usage-error.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * `assess [FILE]` (../shared/assessment/CONTRACT.md): facts JSON from FILE or standard input,
 * the assessment JSON on standard output. Bad input: one line on stderr naming the field, nothing
 * on stdout, exit 2.
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { lang: { type: "string" } }, true);
  if (positionals.length > 1) throw new UsageError("assess takes at most one FILE");
  const lang = values.lang ?? "en";
  if (!isLanguage(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}`);
  const file = positionals[0];
  let text: string;
  try {
    text = file === undefined || file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`input: cannot read ${file} (${code})`);
  }
  try {
    const assessment = assess(parseFactsJson(text), { lang });
    process.stdout.write(`${JSON.stringify(assessment, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof FactsError) throw new UsageError(e.message);
    throw e;
  }
}
