import { readFileSync } from "node:fs";
import type { DynamoDBSecuritySettings } from "../settings";
import { CliUsageError } from "./options";

const LIST_KEYS = ["requestSources", "callerSources", "authorizationFunctions", "clientModules"] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set([...LIST_KEYS, "crossModule"]);

/**
 * The `--settings` file: the JSON object an ESLint config gives as `settings["dynamodb-security"]`
 * (`{ "requestSources": ["request.pathVariables"] }`). A key the analysis does not know, or a value of the
 * wrong type, is an error rather than a setting silently ignored.
 */
export function readSettingsFile(file: string): DynamoDBSecuritySettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliUsageError(`Cannot read settings ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new CliUsageError(`${file} must hold a JSON object of settings (${[...KNOWN_KEYS].join(", ")})`);
  }
  const settings = parsed as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!KNOWN_KEYS.has(key)) throw new CliUsageError(`${file}: unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(", ")})`);
  }
  for (const key of LIST_KEYS) {
    const value = settings[key];
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === "string"))) {
      throw new CliUsageError(`${file}: "${key}" must be a list of strings`);
    }
  }
  if (settings.crossModule !== undefined && typeof settings.crossModule !== "boolean") {
    throw new CliUsageError(`${file}: "crossModule" must be true or false`);
  }
  return settings as DynamoDBSecuritySettings;
}
