// The advice require-ownership-check ends its read and write messages with, by what the code shows about the items.
export const ADVICE = {
  /** A read of items the code ties to users (an owner attribute, a table or route named for users' data). */
  ownedRead: "Put the caller's id in the key, or compare the item's owner with the caller before returning it.",
  /** A write of such items. */
  ownedWrite: "Add a ConditionExpression that requires the owner attribute to equal the caller, put the caller in the key, or check the item's owner first.",
  /** A signed-in caller's write of items nothing in the code ties to a user. */
  sharedWrite:
    "Nothing in the code names an owner for these items: if only some users may change them (staff, an administrator), check the caller's role first; if each belongs to a user, add a ConditionExpression that requires the owner attribute to equal the caller, or check the item's owner first.",
  /** A write of such items in a handler that shows no authentication. */
  anyWrite:
    "The handler shows no authentication, and nothing in the code names an owner for these items: authenticate the route, then check that the caller may change the item (a role for shared data, the item's owner for a user's).",
  /** A signed-in caller's read of items nothing in the code ties to a user. */
  sharedRead:
    "Nothing in the code names an owner for these items: if each belongs to a user, put the caller's id in the key or compare the item's owner with the caller before returning it; if every signed-in user may read them, list the table in the `publicTables` option.",
} as const;
