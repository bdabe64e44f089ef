import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { kindOf, type Family, type Kind, type KindMatch } from "./resourceKinds";
import { withoutNulls } from "./values";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a resource policy's check gets besides the inputs (nulls already removed). */
export interface KindContext {
  readonly args: ResourceValidationArgs;
  readonly match: KindMatch;
  /** True when the resource belongs to this project's components: messages may name its config keys. */
  readonly ours: boolean;
}

/**
 * `validateResourceOfType` by family: runs `check` on resources of `kind` from `family` whatever the
 * token's API version or alias, and marks every other resource not applicable (as the SDK helper does).
 */
export function validateKind(kind: Kind, family: Family, check: (props: Obj, ctx: KindContext, report: ReportViolation) => void | Promise<void>): ResourceValidation {
  return (args, report) => {
    const match = kindOf(args.type);
    if (!match || match.kind !== kind || match.family !== family) return args.notApplicable(`Policy only applies to ${family} ${kind} resources`);
    return check(withoutNulls(args.props as Obj), { args, match, ours: isOurs(args.urn) }, report);
  };
}

/** This project's components are typed `azure-vm-backup:<module>:<Type>`; the URN's type chain names the parents. */
export function isOurs(urn: string): boolean {
  const typeChain = urn.split("::")[2] ?? "";
  return typeChain.split("$").some((t) => t.startsWith("azure-vm-backup:"));
}

/**
 * The remedy in the resource's own words, and this project's configuration key only when the
 * resource was built from it: `set properties.publicNetworkAccess to Disabled (config vault.publicNetworkAccess)`.
 */
export function remedy(ours: boolean, field: string, value: string, configKey?: string): string {
  return `set ${field} to ${value}${ours && configKey ? ` (config ${configKey})` : ""}`;
}
