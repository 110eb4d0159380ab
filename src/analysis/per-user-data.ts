// Does the data a request handler reads look like it belongs to someone? require-ownership-check uses this for
// reads in handlers that show no authentication at all: a bookstore's `getBook` or movies by year are public
// catalogues more often than not, while a handler that serves items keyed or attributed by `userId`, or a
// table or route named after users, orders or notes, serves someone's data to whoever asks.
import path from "node:path";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isProjectFolder } from "./project";

/** A name or text that names an administrator (`adminAuth`, `isAdmin`, a `ShopAdmin` group, `superuser`). */
export const ADMIN_NAME = /admin|superuser/i;

/** Words that name a person who owns items (`userId`, `customer_id`, `tenantId`, `identityId`). */
const PERSON_WORDS = new Set(["user", "customer", "tenant", "account", "member", "author", "creator", "patient", "identity"]);
/** What follows a person word in an owner attribute's name. */
const PERSON_ID_WORDS = new Set(["id", "ids", "name", "sub", "email", "key"]);
/** Owner attributes written as one word. */
const OWNER_WORDS = new Set(["owner", "owners", "userid", "username", "ownerid", "tenantid", "customerid", "accountid", "createdby", "ownedby"]);
/** Names of per-user resources: a table, route, handler or file named so holds someone's data. */
const PER_USER_RESOURCES = new Set([
  "user",
  "owner",
  "customer",
  "account",
  "profile",
  "tenant",
  "member",
  "order",
  "cart",
  "basket",
  "invoice",
  "payment",
  "billing",
  "wallet",
  "message",
  "inbox",
  "conversation",
  "note",
  "booking",
  "reservation",
  "appointment",
  "subscription",
  "patient",
  "address",
]);
/** Single-table key prefixes of per-user partitions (`USER#${id}`). */
const OWNER_KEY_PREFIX = /(?:^|[^a-z])((?:user|owner|customer|tenant|account|member)#)/i;
const WORD = /[a-z_$][\w$]*/gi;
/** A cheap test that a token can hold an owner name at all, before it is split into words. */
const MAY_NAME_OWNER = /user|owner|customer|tenant|account|member|author|creator|patient|identity|created|owned/i;

/** The lowercase words of a name: `ownerId` → owner, id; `CUSTOMER_ORDERS` → customer, orders. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
}

/** Words of the attributes a public profile card shows: a display name, a picture, a short bio, social counters. */
const PROFILE_CARD_WORDS = new Set(["display", "full", "first", "last", "given", "family", "screen", "nick", "user", "name", "handle", "avatar", "image", "picture", "pic", "photo", "profile", "url", "thumbnail", "bio", "about", "headline", "follower", "followers", "following", "friend", "friends", "count"]);
const PROFILE_CARD_ONE_WORD = new Set(["username", "nickname", "displayname", "fullname", "firstname", "lastname", "avatarurl", "imageurl", "photourl"]);
/** Of those, the words that say what the attribute is (`profile` or `url` alone say nothing). */
const PROFILE_CARD_SUBJECTS = new Set(["name", "handle", "avatar", "image", "picture", "pic", "photo", "thumbnail", "bio", "about", "headline", "count"]);

/** Is the attribute one a public profile card shows (`displayName`, `avatarUrl`, `image`, `bio`, `followerCount`), never an e-mail, a role or an id? */
export function isProfileCardAttribute(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 1 && PROFILE_CARD_ONE_WORD.has(words[0])) return true;
  return words.length > 0 && words.every((word) => PROFILE_CARD_WORDS.has(word)) && words.some((word) => PROFILE_CARD_SUBJECTS.has(word));
}

/** Words that name a person others may look up: the items so named are profiles (`Users`, `USER#${id}`, `authors`). */
const PROFILE_WORDS = new Set(["user", "profile", "member", "author", "creator", "player", "artist"]);

/** Does a table name or a key's constant text name people's profiles (`Users`, `next-auth-users`, `USER#`, `profiles`)? */
export function namesPersonProfile(name: string): boolean {
  return nameWords(name).some((word) => PROFILE_WORDS.has(word) || (word.endsWith("s") && PROFILE_WORDS.has(word.slice(0, -1))));
}

/** Last words of a date, a time or a period: attributes so named hold when something happened, not whose it is. */
const TIME_WORDS = new Set(["year", "month", "week", "day", "date", "time", "hour", "period", "timestamp", "at"]);

/** Is the attribute a date, a time or a period by its last word (`orderYearMonth`, `placedDate`, `createdAt`, `day`)? */
export function isTimeAttribute(name: string): boolean {
  return TIME_WORDS.has(nameWords(name).at(-1) ?? "");
}

/** Is `name` an attribute or variable that holds an item's owner (`userId`, `ownerId`, `createdBy`, `tenant_id`)? */
export function isOwnerName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 1) return OWNER_WORDS.has(words[0]);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === "owner" || words[i] === "owners") return true;
    if ((words[i] === "created" || words[i] === "owned") && words[i + 1] === "by") return true;
    if (PERSON_WORDS.has(words[i]) && i + 1 < words.length && PERSON_ID_WORDS.has(words[i + 1])) return true;
  }
  return false;
}

/** Does `name` (a table, route, handler or file name) name a per-user resource (`USERS_TABLE`, `/orders/:id`, `getProfile`)? */
export function namesPerUserResource(name: string): boolean {
  return nameWords(name).some(
    (word) =>
      PER_USER_RESOURCES.has(word) ||
      (word.endsWith("s") && PER_USER_RESOURCES.has(word.slice(0, -1))) ||
      (word.endsWith("es") && PER_USER_RESOURCES.has(word.slice(0, -2))) ||
      isOwnerName(word),
  );
}

/**
 * The first owner-like name in one part of a file's code (a function, a request object), outside comments: a
 * property or variable (`userId`, `item.ownerId`), a word in a string (`"#o": "createdBy"`, `"userId = :u"`) or a
 * per-user key prefix (`` `USER#${id}` ``). Modules the analysis parses itself have no tokens: their text is read
 * instead (comments included). Undefined when there is none.
 */
export function ownerNameInRange(sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): string | undefined {
  const tokens = sourceCode.ast.tokens;
  if (!tokens) return ownerNameInText(sourceCode.text.slice(range[0], range[1]));
  for (let i = firstTokenAt(tokens, range[0]); i < tokens.length && tokens[i].range[1] <= range[1]; i++) {
    const found = ownerNameInToken(tokens[i]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The index of the first token at or after `offset`, by binary search: a handler is a small part of a large file. */
function firstTokenAt(tokens: readonly TSESTree.Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle].range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Attributes that hold a secret: whoever reads the item can act as its owner (`apiKey`, `passwordHash`, `refreshToken`, a one-time code). */
const SECRET_ATTRIBUTE =
  /^(?:api_?key|secret(?:_?key)?|client_?secret|password(?:_?hash)?|passwd|private_?key|secret_?access_?key|access_?key(?:_?id)?|refresh_?token|access_?token|session_?token|otp(?:_?code)?|verification_?code|reset_?token)$/i;

/**
 * The first secret attribute read as a member (`res.Item.apiKey`, `user?.passwordHash`) in one part of a
 * file's code: data worth protecting whoever it belongs to. Undefined when there is none (or no tokens).
 */
export function secretAttributeInRange(sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): string | undefined {
  const tokens = sourceCode.ast.tokens;
  if (!tokens) return undefined;
  for (let i = Math.max(firstTokenAt(tokens, range[0]), 1); i < tokens.length && tokens[i].range[1] <= range[1]; i++) {
    const token = tokens[i];
    if (token.type !== "Identifier" || !SECRET_ATTRIBUTE.test(token.value)) continue;
    const before = tokens[i - 1];
    if (before.type === "Punctuator" && (before.value === "." || before.value === "?.") && !isCheckedSecret(tokens, i)) return token.value;
  }
  return undefined;
}

/** A `Cache-Control` header name, quoted as a property key or a call's argument. */
const CACHE_CONTROL = /^["'`]cache-control["'`]$/i;
const PUBLIC_DIRECTIVE = /\bpublic\b/i;
const PUBLIC_CACHE_TEXT = /["'`]cache-control["'`]\s*[:,]\s*["'`][^"'`]*\bpublic\b/i;

/**
 * Does one part of a file's code set `Cache-Control: public` (`headers: { "Cache-Control": "public, max-age=60" }`,
 * `res.set("Cache-Control", "public, ...")`, `c.header("cache-control", ...)`)? Shared caches then keep the response
 * and serve it to anyone who asks: the code declares what it serves to be the same for everyone.
 */
export function setsPublicCacheInRange(sourceCode: Readonly<TSESLint.SourceCode>, range: readonly [number, number]): boolean {
  const tokens = sourceCode.ast.tokens;
  if (!tokens) return PUBLIC_CACHE_TEXT.test(sourceCode.text.slice(range[0], range[1]));
  for (let i = firstTokenAt(tokens, range[0]); i + 2 < tokens.length && tokens[i + 2].range[1] <= range[1]; i++) {
    if (tokens[i].type !== "String" || !CACHE_CONTROL.test(tokens[i].value)) continue;
    const separator = tokens[i + 1];
    const value = tokens[i + 2];
    if (separator.type === "Punctuator" && (separator.value === ":" || separator.value === ",") && (value.type === "String" || value.type === "Template") && PUBLIC_DIRECTIVE.test(value.value)) return true;
  }
  return false;
}

/** Is a route, handler or file named as public (`/public/products/:slug`, `publicGetProduct`, `public-list.ts`)? */
export function namesPublicResource(name: string): boolean {
  return nameWords(name).includes("public");
}

const COMPARISON = new Set(["===", "!==", "==", "!="]);
const CHECKING_CALL = /compare|verify|equal|match|check|timingsafe/i;

/** Is the member chain ending at token `end` checked rather than served: compared (`provider.apiKey !== key`) or given to `bcrypt.compare(...)`? */
function isCheckedSecret(tokens: readonly TSESTree.Token[], end: number): boolean {
  const after = tokens[end + 1];
  if (after?.type === "Punctuator" && COMPARISON.has(after.value)) return true;
  let start = end;
  while (start > 0 && (tokens[start - 1].type === "Identifier" || (tokens[start - 1].type === "Punctuator" && (tokens[start - 1].value === "." || tokens[start - 1].value === "?.")))) start--;
  const previous = tokens[start - 1];
  if (previous?.type !== "Punctuator") return false;
  if (COMPARISON.has(previous.value)) return true;
  if (previous.value !== "(" && previous.value !== ",") return false;
  // An argument: find the call's opening parenthesis, then its name.
  let depth = 0;
  for (let j = start - 1, steps = 0; j > 0 && steps < 200; j--, steps++) {
    const value = tokens[j].type === "Punctuator" ? tokens[j].value : "";
    if (value === ")" || value === "]" || value === "}") depth++;
    else if (value === "(" || value === "[" || value === "{") {
      if (depth === 0) return value === "(" && tokens[j - 1]?.type === "Identifier" && CHECKING_CALL.test(tokens[j - 1].value);
      depth--;
    }
  }
  return false;
}

function ownerNameInToken(token: TSESTree.Token): string | undefined {
  if (!MAY_NAME_OWNER.test(token.value)) return undefined;
  if (token.type === "Identifier" || token.type === "PrivateIdentifier") return isOwnerName(token.value) ? token.value : undefined;
  if (token.type !== "String" && token.type !== "Template") return undefined;
  const prefix = OWNER_KEY_PREFIX.exec(token.value);
  if (prefix) return prefix[1];
  for (const match of token.value.matchAll(WORD)) if (isOwnerName(match[0])) return match[0];
  return undefined;
}

function ownerNameInText(text: string): string | undefined {
  const prefix = OWNER_KEY_PREFIX.exec(text);
  if (prefix) return prefix[1];
  for (const match of text.matchAll(WORD)) {
    if (MAY_NAME_OWNER.test(match[0]) && isOwnerName(match[0])) return match[0];
  }
  return undefined;
}

/**
 * The last segments of a file's path inside its project: relative to the outermost folder between the working
 * directory and the file that holds a package.json or .git (the working directory when there is none). The
 * project folder's own name (`users-api/`, or wherever a checkout lies) says nothing about one file's data.
 */
export function fileNameParts(filename: string, cwd: string): string[] {
  const relative = path.relative(projectBase(filename, cwd), filename);
  const parts = (path.isAbsolute(relative) ? path.basename(relative) : relative).split(/[\\/]/).filter((part) => part && part !== "..");
  return parts.slice(-3).map((part) => part.replace(/\.[cm]?[jt]sx?$/, ""));
}


function projectBase(filename: string, cwd: string): string {
  let current = path.dirname(filename);
  const below = path.relative(cwd, current);
  if (!path.isAbsolute(filename) || below.startsWith("..") || path.isAbsolute(below)) return cwd;
  let base = cwd;
  for (let i = 0; i < 64; i++) {
    if (isProjectFolder(current)) base = current;
    const parent = path.dirname(current);
    if (current === cwd || parent === current) break;
    current = parent;
  }
  return base;
}
