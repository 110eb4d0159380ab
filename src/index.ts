import type { TSESLint } from "@typescript-eslint/utils";
import { rules } from "../rules";
import { createConfigs, type ConfigName } from "./configs";
import { packageInfo } from "./package-info";

const plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};
Object.assign(plugin.configs, createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules));

// `export =` so that both `require()` and `import` return the plugin object itself.
export = plugin;
