import { createRequire } from "node:module";
import Ajv from "ajv";

const require = createRequire(__filename);

/** Validates against the official SARIF 2.1.0 (rtm.5) JSON schema, a draft-04 schema; returns the errors, if any. */
export function sarifSchemaErrors(log: unknown): string[] {
  const ajv = new Ajv({ schemaId: "auto", allErrors: true });
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
  const validate = ajv.compile(require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"));
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.dataPath} ${error.message}`);
}
