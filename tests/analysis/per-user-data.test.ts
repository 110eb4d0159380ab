import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileNameParts, isOwnerName, isProfileCardAttribute, isTimeAttribute, namesPerUserResource, ownerNameInRange } from "../../src/analysis/per-user-data";

describe("isOwnerName", () => {
  it("recognises owner attributes in any spelling", () => {
    for (const name of ["userId", "user_id", "USER_ID", "ownerId", "owner", "createdBy", "created_by", "username", "tenantId", "customerId", "authorEmail", "cognitoIdentityId", "ownerSub"]) {
      expect(isOwnerName(name), name).toBe(true);
    }
  });
  it("leaves other attributes alone", () => {
    for (const name of ["id", "bookId", "category", "user", "users", "userAgent", "year", "PK", "identity", "accountType", "membership"]) {
      expect(isOwnerName(name), name).toBe(false);
    }
  });
});

describe("isProfileCardAttribute", () => {
  it("recognises what a public profile card shows", () => {
    for (const name of ["name", "displayName", "display_name", "username", "nickname", "firstName", "avatar", "avatarUrl", "image", "profileImage", "photoURL", "picture", "bio", "handle", "followerCount", "following_count", "friendsCount"]) {
      expect(isProfileCardAttribute(name), name).toBe(true);
    }
  });
  it("leaves personal and other attributes alone", () => {
    for (const name of ["email", "phone", "userId", "role", "address", "profile", "url", "birthDate", "passwordHash", "emailName", "imageKey", "balance", "loginCount", "unreadCount"]) {
      expect(isProfileCardAttribute(name), name).toBe(false);
    }
  });
});

describe("isTimeAttribute", () => {
  it("recognises dates, times and periods by their last word", () => {
    for (const name of ["orderYearMonth", "orderPlacedDate", "createdAt", "updated_at", "day", "date", "startTime", "week", "period", "TIMESTAMP"]) {
      expect(isTimeAttribute(name), name).toBe(true);
    }
  });
  it("leaves other attributes alone, also ones that only contain such a word", () => {
    for (const name of ["customerId", "dateFormat", "format", "lifetime", "daysLeft", "timeZoneName", "status", ""]) {
      expect(isTimeAttribute(name), name).toBe(false);
    }
  });
});

describe("namesPerUserResource", () => {
  it("recognises tables, routes and handlers named after per-user resources", () => {
    for (const name of ["USERS_TABLE", "Users", "/accounts/:id", "getProfile", "OrdersTable", "customer-orders", "Invoices", "addresses", "notes"]) {
      expect(namesPerUserResource(name), name).toBe(true);
    }
  });
  it("leaves catalogue names alone", () => {
    for (const name of ["Books", "CATALOG_TABLE", "/movies/:year", "getTitle", "products", "TABLE_NAME", "todos", "handler"]) {
      expect(namesPerUserResource(name), name).toBe(false);
    }
  });
});

describe("fileNameParts", () => {
  it("takes the last segments of the path inside the working directory, without extensions", () => {
    expect(fileNameParts(path.join("/Users/ann/app", "src/orders/get/index.js"), "/Users/ann/app")).toEqual(["orders", "get", "index"]);
    expect(fileNameParts(path.join("/Users/ann/app", "handler.ts"), "/Users/ann/app")).toEqual(["handler"]);
  });
  it("never reads the folders above the working directory", () => {
    expect(fileNameParts("/Users/ann/other/x.js", "/Users/ann/app")).toEqual(["other", "x"]);
  });
  it("starts inside the outermost project (package.json or .git) under the working directory, whatever its folder is called", () => {
    const root = mkdtempSync(path.join(tmpdir(), "file-name-parts-"));
    const write = (file: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "{}");
    };
    write("checkouts/users-api/package.json");
    write("checkouts/users-api/todo/get.js");
    write("mono/package.json");
    write("mono/packages/users/package.json");
    write("mono/packages/users/src/handler.js");
    // scanned from above the project: its folder name is not the file's
    expect(fileNameParts(path.join(root, "checkouts/users-api/todo/get.js"), root)).toEqual(["todo", "get"]);
    expect(fileNameParts(path.join(root, "checkouts/users-api/todo/get.js"), path.join(root, "checkouts/users-api"))).toEqual(["todo", "get"]);
    // a monorepo scanned from its root keeps the package's folder
    expect(fileNameParts(path.join(root, "mono/packages/users/src/handler.js"), path.join(root, "mono"))).toEqual(["users", "src", "handler"]);
    expect(fileNameParts(path.join(root, "mono/packages/users/src/handler.js"), root)).toEqual(["users", "src", "handler"]);
  });
});

describe("ownerNameInRange", () => {
  type Token = { type: string; value: string; range: [number, number] };
  const code = (text: string, tokens?: Array<Omit<Token, "range"> & { at?: number }>) =>
    ({ text, ast: { tokens: tokens?.map((token, i) => ({ ...token, range: [token.at ?? i * 10, (token.at ?? i * 10) + 5] })) } }) as unknown as Parameters<typeof ownerNameInRange>[0];
  it("reads tokens when the parser gave them, so comments do not count", () => {
    expect(ownerNameInRange(code(`// userId\nget({ Key: { sku } })`, [{ type: "Identifier", value: "get" }, { type: "Identifier", value: "sku" }]), [0, 100])).toBeUndefined();
    expect(ownerNameInRange(code(`x`, [{ type: "String", value: '"#o"' }, { type: "String", value: '"createdBy"' }]), [0, 100])).toBe("createdBy");
    expect(ownerNameInRange(code(`x`, [{ type: "Template", value: "`USER#${" }]), [0, 100])).toBe("USER#");
  });
  it("only reads the tokens inside the range", () => {
    const tokens = [{ type: "Identifier", value: "userId", at: 0 }, { type: "Identifier", value: "sku", at: 20 }, { type: "Identifier", value: "ownerId", at: 40 }];
    expect(ownerNameInRange(code("x", tokens), [10, 30])).toBeUndefined();
    expect(ownerNameInRange(code("x", tokens), [10, 50])).toBe("ownerId");
    expect(ownerNameInRange(code("x", tokens), [0, 30])).toBe("userId");
  });
  it("reads the text of modules parsed without tokens", () => {
    const remove = `export const remove = (id, ownerId) => doc.delete({ Key: { id, ownerId } });`;
    expect(ownerNameInRange(code(`export const get = (sku) => doc.get({ Key: { sku } });`), [0, 60])).toBeUndefined();
    expect(ownerNameInRange(code(remove), [0, remove.length])).toBe("ownerId");
    expect(ownerNameInRange(code(`const a = 1; ${remove}`), [0, 12])).toBeUndefined();
    expect(ownerNameInRange(code("const pk = `TENANT#${t}`;"), [0, 30])).toBe("TENANT#");
  });
});
