import { readFileSync } from "node:fs";
import path from "node:path";

/** name and version from package.json, found from both src/ (tests) and dist/src/ (the build). */
function readPackageJson(): { name: string; version: string } {
  let directory = __dirname;
  for (let i = 0; i < 4; i++) {
    try {
      const json = JSON.parse(readFileSync(path.join(directory, "package.json"), "utf8")) as { name: string; version: string };
      if (json.name === "eslint-plugin-dynamodb-security") return json;
    } catch {
      // not here; look one folder up
    }
    directory = path.dirname(directory);
  }
  return { name: "eslint-plugin-dynamodb-security", version: "0.0.0" };
}

export const packageInfo = readPackageJson();
