import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileNameParts, isOwnerName, namesPerUserResource } from "../../src/utils/per-user-data";

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
