import type { TSESLint } from "@typescript-eslint/utils";

/** `settings["dynamodb-security"]`: one place to extend the analysis for every rule. */
export interface DynamoDBSecuritySettings {
  /**
   * Extra request-input sources. A member path rooted at a function parameter (`"req.ctx.input"`,
   * `"event.detail"`) or a call name followed by `()` (`"readBody()"`, `"input.get()"`).
   */
  requestSources?: string[];
  /** Extra expressions that yield the authenticated caller, in the same forms (`"req.session.user"`, `"whoAmI()"`). */
  callerSources?: string[];
  /** Names of per-object authorization checks and middleware or guards that perform them. */
  authorizationFunctions?: string[];
  /** Module specifiers (as written in imports) of project modules that export a DynamoDB client or wrapper. */
  clientModules?: string[];
  /**
   * Follow request data into functions of other project modules (services, repositories): relative imports,
   * tsconfig `paths` aliases, never packages. On by default; `false` keeps every analysis within the file.
   */
  crossModule?: boolean;
}

export interface NormalizedSettings {
  requestSources: readonly string[];
  callerSources: readonly string[];
  authorizationFunctions: readonly string[];
  clientModules: readonly string[];
  crossModule: boolean;
}

const cache = new WeakMap<object, NormalizedSettings>();
const EMPTY: NormalizedSettings = { requestSources: [], callerSources: [], authorizationFunctions: [], clientModules: [], crossModule: true };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): NormalizedSettings {
  const raw = (context.settings as Record<string, unknown> | undefined)?.["dynamodb-security"];
  if (!raw || typeof raw !== "object") return EMPTY;
  let normalized = cache.get(raw);
  if (!normalized) {
    const settings = raw as DynamoDBSecuritySettings;
    normalized = {
      requestSources: stringList(settings.requestSources),
      callerSources: stringList(settings.callerSources),
      authorizationFunctions: stringList(settings.authorizationFunctions),
      clientModules: stringList(settings.clientModules),
      crossModule: settings.crossModule !== false,
    };
    cache.set(raw, normalized);
  }
  return normalized;
}
