import { describe, expect, it } from "vitest";
import { allowancesOf, policyForRoute } from "../../src/analysis/authorizer-policy";
import { analyze } from "./helpers";

/** The allowances of an authorizer whose policy-building body is `body` (claims and policy in scope). */
function allowances(body: string) {
  const { analysis } = analyze(`export async function handler(event) {
  const claims = await verify(event.authorizationToken);
  const policy = new AuthPolicy(claims.sub, event.methodArn);
${body}
  return policy.build();
}`);
  return allowancesOf(analysis.index.calls, analysis.sourceCode.visitorKeys);
}

describe("authorizer policies (AWS's AuthPolicy blueprint)", () => {
  const shop = allowances(`  if (claims.group === "ShopAdmin") {
    policy.allowAllMethods();
  } else {
    policy.allowMethod("*", \`/user/\${claims.sub}/*\`);
    policy.allowMethod(HttpVerb.DELETE, \`/cart/\${claims.sub}\`);
    policy.allowMethod("GET", "/product/*");
    policy.allowMethod("POST", \`/orders/by-\${claims.sub}/items\`);
  }`)!;

  it("pins a path parameter where every allowance of the route puts a computed value", () => {
    expect(policyForRoute(shop, "DELETE", "cart/{username}")).toEqual({ adminOnly: false, callerParameters: ["username"] });
    expect(policyForRoute(shop, "PATCH", "/user/{id}/settings/{key}")).toEqual({ adminOnly: false, callerParameters: ["id"] });
    expect(policyForRoute(shop, "POST", "orders/{owner}/items")).toEqual({ adminOnly: false, callerParameters: ["owner"] });
  });

  it("leaves a route no ordinary allowance matches to the admin branch's allowAllMethods()", () => {
    expect(policyForRoute(shop, "PUT", "cart/{username}")).toEqual({ adminOnly: true, callerParameters: [] });
    expect(policyForRoute(shop, "DELETE", "product/{id}")).toEqual({ adminOnly: true, callerParameters: [] });
    expect(policyForRoute(shop, "GET", "cart/{username}/items")).toEqual({ adminOnly: true, callerParameters: [] });
  });

  it("pins nothing on a route an allowance opens with a wildcard", () => {
    expect(policyForRoute(shop, "GET", "product/{id}")).toEqual({ adminOnly: false, callerParameters: [] });
  });

  it("knows nothing when everyone is allowed everything, or nothing is allowed", () => {
    expect(allowances(`  policy.allowAllMethods();`)).toBeUndefined();
    expect(allowances(`  policy.denyAllMethods();`)).toBeUndefined();
  });

  it("reads a negated admin test as the branch of everyone else", () => {
    const negated = allowances(`  if (claims.group !== "admin") {
    policy.allowMethod("DELETE", "/cart/*");
  } else {
    policy.allowAllMethods();
  }`)!;
    // The consequent of `!== "admin"` is not the admin branch: ordinary callers may delete any cart.
    expect(policyForRoute(negated, "DELETE", "cart/{id}")).toEqual({ adminOnly: false, callerParameters: [] });
  });

  it("ignores the policy class's own calls (`this.allowMethod` inside allowAllMethods)", () => {
    const { analysis } = analyze(`class AuthPolicy {
  allowMethod(verb, resource) { this.statements.push({ verb, resource }); }
  allowAllMethods() { this.allowMethod("*", "*"); }
}
export async function handler(event) {
  const policy = new AuthPolicy();
  if (event.isAdmin) policy.allowAllMethods();
  policy.allowMethod("GET", "/product/*");
  return policy;
}`);
    const found = allowancesOf(analysis.index.calls, analysis.sourceCode.visitorKeys)!;
    expect(policyForRoute(found, "DELETE", "product/{id}")).toEqual({ adminOnly: true, callerParameters: [] });
  });

  it("matches any route for a resource that is not written out, pinning nothing", () => {
    const unknown = allowances(`  policy.allowMethod("DELETE", resourceFor(claims));`)!;
    expect(policyForRoute(unknown, "DELETE", "cart/{id}")).toEqual({ adminOnly: false, callerParameters: [] });
  });
});
