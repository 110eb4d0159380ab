// From the types package, which `@typescript-eslint/utils` re-exports it from: loading the utils index costs 60 ms.
import { AST_NODE_TYPES as ENUM } from "@typescript-eslint/types";

/**
 * `AST_NODE_TYPES`, as a plain object. `@typescript-eslint/utils` re-exports the enum through two chained
 * getters, so every `AST_NODE_TYPES.X` the analysis reads, millions per lint run, costs two function calls;
 * a copy read as an ordinary property costs none (about 8% of the plugin's time on DynamoDB-dense code).
 * The type is the enum's, so comparisons with `node.type` narrow exactly as before.
 */
export const AST_NODE_TYPES: typeof ENUM = Object.freeze({ ...ENUM });
