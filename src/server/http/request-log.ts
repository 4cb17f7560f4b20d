import {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { Bindings, ChildLoggerOptions, Level, Logger } from "pino";

/**
 * Per-request logging that costs nothing when nothing is logged. Fastify builds a pino child
 * logger for every request (its bindings serialized and passed through the redaction paths);
 * most requests log only their completion line, and at `warn` not even that.
 */

type LogArgs = Parameters<Logger["info"]>;

/**
 * `req.log`: the request's child logger, built on the first line actually written at an
 * enabled level. Until then a call asks the parent whether the level is enabled, and stops.
 */
export class RequestLog {
  #child: Logger | undefined;
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  readonly #lines: Logger;

  /** `lines`: the parent without redaction paths, for the completion line only. */
  constructor(parent: Logger, bindings: Bindings, lines: Logger) {
    this.#parent = parent;
    this.#bindings = bindings;
    this.#lines = lines;
  }

  #logger(): Logger {
    this.#child ??= this.#parent.child(this.#bindings);
    return this.#child;
  }

  #write(level: Level, args: LogArgs): void {
    if ((this.#child ?? this.#parent).isLevelEnabled(level)) this.#logger()[level](...args);
  }

  get level(): string {
    return (this.#child ?? this.#parent).level;
  }

  set level(level: string) {
    this.#logger().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.#child ?? this.#parent).isLevelEnabled(level);
  }

  fatal(...args: LogArgs): void {
    this.#write("fatal", args);
  }
  error(...args: LogArgs): void {
    this.#write("error", args);
  }
  warn(...args: LogArgs): void {
    this.#write("warn", args);
  }
  info(...args: LogArgs): void {
    this.#write("info", args);
  }
  debug(...args: LogArgs): void {
    this.#write("debug", args);
  }
  trace(...args: LogArgs): void {
    this.#write("trace", args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): Logger {
    return this.#logger().child(bindings, options);
  }

  bindings(): Bindings {
    return this.#logger().bindings();
  }

  /**
   * The completion line, `{ reqId, res: { statusCode }, responseTime }`, byte for byte as the
   * child would write it. Its fields are the request id Fastify made, a status and a duration,
   * never input: it skips the child and the redaction pass. Once the request has logged
   * anything else, its child exists and writes this line too, redacted as ever.
   */
  completed(statusCode: number, responseTime: number): void {
    const res = { statusCode };
    if (this.#child) this.#child.info({ res, responseTime }, "request completed");
    else if (this.#lines.isLevelEnabled("info"))
      this.#lines.info({ ...this.#bindings, res, responseTime }, "request completed");
  }
}

/** Each parent logger's twin without redaction paths (Fastify's parents: the app's, a plugin's). */
const unredacted = new WeakMap<Logger, Logger>();

function linesOf(parent: Logger): Logger {
  let lines = unredacted.get(parent);
  if (!lines) {
    lines = parent.child({}, { redact: [] });
    unredacted.set(parent, lines);
  }
  return lines;
}

/** Fastify's `childLoggerFactory`: the lazy child, unless the route sets its own level. */
export function lazyRequestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  const parent = logger as Logger;
  if (options.level !== undefined || options.serializers !== undefined)
    return parent.child(bindings, options);
  return new RequestLog(parent, bindings, linesOf(parent)) as unknown as FastifyBaseLogger;
}

/** One log line per request, on completion, instead of Fastify's two: half the logging cost. */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const log: unknown = reply.log;
    if (error || !(log instanceof RequestLog)) super.requestCompleted(error, request, reply);
    else if (!this.isLogDisabled(request)) log.completed(reply.statusCode, reply.elapsedTime);
  }
}
