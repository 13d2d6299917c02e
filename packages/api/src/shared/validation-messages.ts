import type { z } from "zod";

type Issue = z.core.$ZodRawIssue;
type Sizable = "string" | "array" | "set" | "file";

/** Short enums are listed in their message; longer ones would drown the field. */
const MAX_LISTED_CHOICES = 6;
const MAX_ECHOED_CHARS = 40;

const typeNames: Record<string, string> = {
  string: "A valid string is required.",
  number: "A valid number is required.",
  int: "A valid integer is required.",
  bigint: "A valid integer is required.",
  boolean: "A valid boolean is required.",
  date: "A valid date is required.",
  object: "A valid object is required.",
  record: "A valid object is required.",
  array: "A valid list is required.",
  tuple: "A valid list is required.",
  set: "A valid list is required.",
  file: "A valid file is required.",
};

const formatNames: Record<string, string> = {
  email: "Enter a valid email address.",
  url: "Enter a valid URL.",
  uuid: "Enter a valid UUID.",
  guid: "Enter a valid UUID.",
  datetime: "Enter a valid date and time.",
  date: "Enter a valid date.",
  time: "Enter a valid time.",
  regex: "This value does not match the required pattern.",
};

const units: Record<Sizable, string> = { string: "characters", array: "items", set: "items", file: "bytes" };

/** Whether a number schema only takes integers (`.int()`, `z.int()`), to name the type expected. */
function isIntegerSchema(issue: Issue): boolean {
  const def = issue.inst?._zod.def as { format?: string; checks?: { _zod: { def: { format?: string } } }[] } | undefined;
  return [def?.format, ...(def?.checks ?? []).map((check) => check._zod.def.format)].some((f) => f?.includes("int"));
}

function shown(value: unknown): string {
  const text = String(value);
  return text.length > MAX_ECHOED_CHARS ? `${text.slice(0, MAX_ECHOED_CHARS)}…` : text;
}

function invalidType(issue: Extract<Issue, { code: "invalid_type" }>): string {
  if (issue.input === null) return "This field may not be null.";
  const expected = issue.expected === "number" && isIntegerSchema(issue) ? "int" : issue.expected;
  return typeNames[expected] ?? "This field is not allowed.";
}

function invalidChoice(issue: Extract<Issue, { code: "invalid_value" }>): string {
  const { input, values } = issue;
  const choice = typeof input === "object" ? "This" : `"${shown(input)}"`;
  const listed = values.length <= MAX_LISTED_CHOICES ? ` Choose one of: ${values.map(String).join(", ")}.` : "";
  return `${choice} is not a valid choice.${listed}`;
}

/** A union of plain types (number or string): the types it takes, else a generic line. */
function invalidUnion(issue: Extract<Issue, { code: "invalid_union" }>): string {
  const expected = issue.errors.map((branch) =>
    branch.length === 1 && branch[0]!.code === "invalid_type" ? branch[0]!.expected : null,
  );
  if (expected.length === 0 || expected.includes(null)) return "Enter a valid value.";
  return `A valid ${expected.join(" or ")} is required.`;
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const { origin, minimum, inclusive, exact } = issue;
  const unit = units[origin as Sizable];
  if (unit) {
    if (origin === "string" && Number(minimum) === 1) return "This field may not be blank.";
    if (origin !== "string" && origin !== "file" && Number(minimum) === 1) return "Choose at least one.";
    return `Ensure this field has ${exact ? "exactly" : "at least"} ${minimum} ${unit}.`;
  }
  if (exact) return `Ensure this value is ${minimum}.`;
  return `Ensure this value is greater than ${inclusive ? "or equal to " : ""}${minimum}.`;
}

function tooBig(issue: Extract<Issue, { code: "too_big" }>): string {
  const { origin, maximum, inclusive, exact } = issue;
  const unit = units[origin as Sizable];
  if (unit) return `Ensure this field has ${exact ? "exactly" : "no more than"} ${maximum} ${unit}.`;
  if (exact) return `Ensure this value is ${maximum}.`;
  return `Ensure this value is less than ${inclusive ? "or equal to " : ""}${maximum}.`;
}

/**
 * zod's default messages in plain, DRF-style words ("This field is required.", "Ensure this
 * field has no more than 200 characters."). Installed as zod's `customError` (see trpc.ts), so
 * it only words issues no schema gave a message of its own: a `.regex(…, "…")`, a refine's or
 * an `error:` message always wins.
 */
export function validationMessage(issue: Issue): string | undefined {
  const typeOrChoice = issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union";
  if (typeOrChoice && issue.input === undefined) return "This field is required.";
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "invalid_value":
      return invalidChoice(issue);
    case "invalid_union":
      return invalidUnion(issue);
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_format":
      if (issue.format === "starts_with") return `Must start with "${issue.prefix}".`;
      if (issue.format === "ends_with") return `Must end with "${issue.suffix}".`;
      if (issue.format === "includes") return `Must include "${issue.includes}".`;
      return formatNames[issue.format] ?? "Enter a valid value.";
    case "not_multiple_of":
      return `Ensure this value is a multiple of ${issue.divisor}.`;
    case "unrecognized_keys":
      return `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys
        .slice(0, 5)
        .map(shown)
        .join(", ")}${issue.keys.length > 5 ? ", …" : ""}.`;
    default:
      return "Enter a valid value.";
  }
}
