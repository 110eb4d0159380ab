import { readFileSync } from "node:fs";
import path from "node:path";

interface PackageInfo {
  name: string;
  version: string;
  /** The folder of package.json: rule docs (`rules/<name>.md`) are read from here. */
  root: string;
}

/** name and version from package.json, found from both src/ (tests) and dist/src/ (the build). */
function readPackageJson(): PackageInfo {
  let directory = __dirname;
  for (let i = 0; i < 4; i++) {
    try {
      const json = JSON.parse(readFileSync(path.join(directory, "package.json"), "utf8")) as { name: string; version: string };
      if (json.name === "eslint-plugin-dynamodb-security") return { name: json.name, version: json.version, root: directory };
    } catch {
      // not here; look one folder up
    }
    directory = path.dirname(directory);
  }
  return { name: "eslint-plugin-dynamodb-security", version: "0.0.0", root: path.resolve(__dirname, "..") };
}

export const packageInfo = readPackageJson();
