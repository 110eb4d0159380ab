import type { ESLint, Linter } from "eslint";
import { rules } from "../rules";
import { createConfigs, type ConfigName } from "./configs";
import { packageInfo } from "./package-info";

const plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version },
  rules,
  // ESLint's own config type, so that `defineConfig(plugin.configs.recommended)` type-checks in users' configs.
  configs: {} as Record<ConfigName, Linter.Config>,
};
Object.assign(plugin.configs, createConfigs(plugin as unknown as ESLint.Plugin, rules));

// `export =` so that both `require()` and `import` return the plugin object itself.
export = plugin;
