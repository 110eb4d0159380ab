import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileNameParts, isOwnerName, namesPerUserResource, ownerNameInFile } from "../../src/analysis/per-user-data";

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
});

describe("ownerNameInFile", () => {
  const code = (text: string, tokens?: Array<{ type: string; value: string }>) => ({ text, ast: { tokens } }) as unknown as Parameters<typeof ownerNameInFile>[0];
  it("reads tokens when the parser gave them, so comments do not count", () => {
    expect(ownerNameInFile(code(`// userId\nget({ Key: { sku } })`, [{ type: "Identifier", value: "get" }, { type: "Identifier", value: "sku" }]))).toBeUndefined();
    expect(ownerNameInFile(code(`x`, [{ type: "String", value: '"#o"' }, { type: "String", value: '"createdBy"' }]))).toBe("createdBy");
    expect(ownerNameInFile(code(`x`, [{ type: "Template", value: "`USER#${" }]))).toBe("USER#");
  });
  it("reads the text of modules parsed without tokens", () => {
    expect(ownerNameInFile(code(`export const get = (sku) => doc.get({ Key: { sku } });`))).toBeUndefined();
    expect(ownerNameInFile(code(`export const remove = (id, ownerId) => doc.delete({ Key: { id, ownerId } });`))).toBe("ownerId");
    expect(ownerNameInFile(code("const pk = `TENANT#${t}`;"))).toBe("TENANT#");
  });
});
