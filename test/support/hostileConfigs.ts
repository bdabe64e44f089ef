import fc from "fast-check";
import { parse, stringify } from "yaml";
import { isKnownRegion } from "../../infra/azure/azureRegions";
import { MAX_TAGS_PER_RESOURCE, MAX_TAG_NAME_LENGTH, MAX_TAG_VALUE_LENGTH } from "../../infra/azure/azureLimits";
import { stackConfigArb, SUBSCRIPTION } from "./configArbitraries";
import { outcomeOf, readConfigText, type ReadOutcome } from "./readConfigText";

/**
 * Careless and hostile stack files: a valid generated estate, then up to four mutations drawn from
 * what users and attackers write (wrong types anywhere, huge and Unicode strings, `__proto__`, nested
 * `secure:` values, limits of tags and tiering, case-clashing names, unknown regions, broken YAML,
 * alias bombs, merge keys, deep nesting).
 */

type Doc = { config: Record<string, unknown> };
type Mutation = (doc: Doc) => void;

const P = "azure-vm-backup:";

function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== "object") return [at];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => paths(v, [...at, k]))];
}
function setAt(root: Record<string, unknown>, at: ReadonlyArray<string | number>, value: unknown, remove = false): void {
  if (at.length === 0) return;
  let node = root as Record<string | number, unknown>;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at.at(-1)!;
  if (remove && !Array.isArray(node)) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", "null", "~", "true", "0x1F", "1e400", "rg-żółw", "<script>", "a/b", "%s", "\u0000", "[secret]", "../../etc/passwd"),
  fc.integer({ min: 200, max: 5000 }).map((n) => "x".repeat(n)),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 3, 90, 9999, 10_000, Number.MAX_SAFE_INTEGER)) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant({ secure: "v1:AAAABBBBCCCC" }) },
);

const tierUnits = ["Days", "Weeks", "Months", "Years", "days", "Fortnights"];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Any value anywhere, or a key removed.
  fc.tuple(fc.nat(), anyValue, fc.boolean()).map(([n, value, remove]): Mutation => (doc) => {
    const all = paths(doc.config).filter((p) => p.length > 0);
    setAt(doc.config, all[n % all.length]!, value, remove);
  }),
  // __proto__ at some object.
  fc.tuple(fc.nat(), anyValue).map(([n, value]): Mutation => (doc) => {
    const objects = paths(doc.config).filter((p) => { let v: unknown = doc.config; for (const k of p) v = (v as Record<string | number, unknown>)[k]; return v !== null && typeof v === "object" && !Array.isArray(v); });
    setAt(doc.config, [...objects[n % objects.length]!, "__proto__"], value);
  }),
  // A secret placeholder where a script parameter goes, or anywhere.
  fc.nat().map((n): Mutation => (doc) => {
    const vms = doc.config[`${P}vms`];
    if (Array.isArray(vms) && vms.length > 0 && n % 2 === 0) {
      (vms[n % vms.length] as Record<string, unknown>).scripts = { preScript: "/opt/pre.sh", postScript: "/opt/post.sh", preScriptParams: [{ secure: "v1:c2VjcmV0" }], postScriptParams: ["plain"] };
      (vms[n % vms.length] as Record<string, unknown>).os = "Linux";
    } else {
      const all = paths(doc.config).filter((p) => p.length > 1);
      setAt(doc.config, all[n % all.length]!, { secure: "v1:c2VjcmV0" });
    }
  }),
  fc.oneof(fc.constantFrom("westeurope", "West Europe", "westeurop", "mars-north", "", "eastus2", "EASTUS"), hostileString).map((loc): Mutation => (doc) => { doc.config["azure-native:location"] = loc; }),
  fc.constantFrom<unknown>("", null, " ", "not-a-guid", SUBSCRIPTION, 42).map((sub): Mutation => (doc) => { doc.config["azure-native:subscriptionId"] = sub; }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 60 }).map((tags): Mutation => (doc) => { (doc.config[`${P}vault`] as Record<string, unknown>).tags = tags; }),
  fc.constant<Mutation>((doc) => {
    const policies = doc.config[`${P}policies`] as Record<string, unknown>;
    const [name, policy] = Object.entries(policies)[0]!;
    policies[name.toUpperCase()] = policy;
  }),
  fc.record({ mode: fc.constantFrom("TierAfter", "TierRecommended", "DoNotTier", "tierafter"), after: fc.integer({ min: -2, max: 200 }), unit: fc.constantFrom(...tierUnits) }).map((tiering): Mutation => (doc) => {
    for (const p of Object.values(doc.config[`${P}policies`] as Record<string, Record<string, unknown>>)) p.tiering = tiering;
  }),
  hostileString.map((rg): Mutation => (doc) => { (doc.config[`${P}vault`] as Record<string, unknown>).resourceGroupName = rg; }),
  fc.constantFrom("rg-żółw", "RG-Ünïcode", "rg-日本").map((rg): Mutation => (doc) => {
    (doc.config[`${P}vault`] as Record<string, unknown>).resourceGroupName = rg;
    for (const vm of (doc.config[`${P}vms`] as Array<Record<string, unknown>>) ?? []) vm.id = String(vm.id).replace(/resourceGroups\/[^/]+/, `resourceGroups/${rg}`);
  }),
);

type TextMutation = (text: string) => string;
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.nat().map((n): TextMutation => (t) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.nat(), fc.constantFrom(":", "- ", "\t", "{", "]", "&a ", "*a", "!!binary ", "<<: *x\n", "'", '"', "\n  ", "? ", "%YAML 1.1\n", "---\n")).map(([n, s]): TextMutation => (t) => { const i = n % (t.length + 1); return t.slice(0, i) + s + t.slice(i); }),
  fc.integer({ min: 2, max: 8 }).map((levels): TextMutation => (t) => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    return `${lines.join("\n")}\n${t}`;
  }),
  fc.integer({ min: 10, max: 3000 }).map((depth): TextMutation => (t) => `${t}\n  azure-vm-backup:vmDefaults: ${"[".repeat(depth)}${"]".repeat(depth)}\n`),
  fc.constant<TextMutation>((t) => {
    // Merge keys: every policy shares the first one's block.
    const doc = parse(t, { merge: true }) as Doc | null;
    const policies = doc?.config?.[`${P}policies`] as Record<string, unknown> | undefined;
    if (!policies || typeof policies !== "object") return t;
    const names = Object.keys(policies);
    const body = stringify({ std: policies[names[0]!] }).replace(/^std:/, "std: &std");
    return `${body}${t.replace(/(\n\s+)(pol-[a-z0-9]+):\n/g, (m, indent: string, name: string) => (name === names[0] ? m : `${indent}${name}:${indent}  <<: *std\n`))}`;
  }),
);

/**
 * One hostile stack file's text, from one of `estates` valid generated estates. Drawing the estates
 * once (generating one costs tens of milliseconds) keeps the runs about the reader.
 */
export const hostileStackTextFrom = (estates: ReadonlyArray<Record<string, unknown>>): fc.Arbitrary<string> => fc
  .tuple(fc.constantFrom(...estates), fc.array(mutation, { maxLength: 4 }), fc.array(textMutation, { maxLength: 1 }), fc.boolean())
  .map(([estate, mutations, textMutations, flow]) => {
    const doc: Doc = {
      config: {
        "azure-native:location": "westeurope",
        "azure-native:subscriptionId": SUBSCRIPTION,
        ...Object.fromEntries(Object.entries(structuredClone(estate)).map(([k, v]) => [`${P}${k}`, v])),
      },
    };
    // A mutation that no longer applies (an earlier one broke the shape it edits) is skipped.
    const attempt = <T>(f: () => T, fallback: T): T => {
      try {
        return f();
      } catch {
        return fallback;
      }
    };
    for (const m of mutations) attempt(() => m(doc), undefined);
    let text = stringify(doc, flow ? { collectionStyle: "flow" } : {});
    for (const m of textMutations) text = attempt(() => m(text), text);
    return text;
  });

export const sampleEstates = (count: number, seed: number) => fc.sample(stackConfigArb, { numRuns: count, seed });

/**
 * What Azure would refuse in a configuration the reader accepted (the fuzz run's second finding),
 * empty when the reader decided as Azure does.
 */
export function acceptedButAzureRefuses(text: string): string[] {
  const { config, warnings, file } = readConfigText(text);
  const found: string[] = [];
  const tags: Record<string, string> = config.vaults[0]?.settings.tags ?? {};
  if (Object.keys(tags).length > MAX_TAGS_PER_RESOURCE) found.push("more than 50 tags");
  for (const [k, v] of Object.entries(tags)) {
    if (k.length > MAX_TAG_NAME_LENGTH || /[<>%&\\?/]/.test(k)) found.push(`tag name ${k.slice(0, 20)}`);
    if (v.length > MAX_TAG_VALUE_LENGTH) found.push("tag value too long");
  }
  const names = Object.keys(config.policies).map((n) => n.toLowerCase());
  if (new Set(names).size !== names.length) found.push("policy names equal ignoring case");
  for (const [name, p] of Object.entries(config.policies)) {
    const t = p.tiering;
    if (t?.mode !== "TierAfter" || t.after === undefined || t.unit === undefined) continue;
    const months = t.after * { Days: 1 / 30, Weeks: 7 / 30, Months: 1, Years: 12 }[t.unit];
    const longest = Math.max(p.retention.monthly?.count ?? 0, (p.retention.yearly?.count ?? 0) * 12);
    if (months < 3 - 1e-9 || longest + 1e-9 < months + 6) found.push(`policy ${name} tiering`);
  }
  const sub = file.config["azure-native:subscriptionId"];
  if (sub !== undefined && (sub.trim() === "" || sub === "null")) found.push("empty subscription");
  const location = config.vaults[0]!.settings.location;
  if (!isKnownRegion(location) && !warnings.some((w) => w.path.includes("location"))) found.push(`unknown location ${location.slice(0, 20)} without a warning`);
  if (JSON.stringify(file.config).includes('\\"__proto__\\"')) found.push("__proto__ key");
  return found;
}

export interface FuzzTally {
  tried: number;
  plans: number;
  configErrors: number;
  crashes: Array<{ text: string; error: unknown }>;
  acceptedButRefused: Array<{ text: string; findings: string[] }>;
}

/** Runs the reader on one input and counts the outcome. */
export function tally(text: string, t: FuzzTally): ReadOutcome {
  t.tried++;
  const outcome = outcomeOf(text);
  if (outcome.kind === "plan") {
    t.plans++;
    const findings = acceptedButAzureRefuses(text);
    if (findings.length > 0) t.acceptedButRefused.push({ text, findings });
  } else if (outcome.kind === "config-error") t.configErrors++;
  else t.crashes.push({ text, error: outcome.error });
  return outcome;
}

export const emptyTally = (): FuzzTally => ({ tried: 0, plans: 0, configErrors: 0, crashes: [], acceptedButRefused: [] });
