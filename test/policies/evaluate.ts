import type { Policy } from "@pulumi/policy";
import { reconcilePolicyConfig } from "../../infra/offline/review/policyConfig";
import { reviewPlan, type ReviewResource, type ReviewResult } from "../../infra/offline/review/policyHarness";

/** Runs one policy over resources through the offline harness, with optional `--policy-pack-config` content. */
export async function evaluate(policy: Policy, resources: readonly ReviewResource[], config?: Record<string, unknown>): Promise<ReviewResult> {
  return reviewPlan(resources, {
    packName: "azure-vm-backup",
    packVersion: "0.1.0",
    policies: [policy as never],
    config: reconcilePolicyConfig([policy as never], config ? { [policy.name]: config } : undefined),
  });
}

/** The messages one policy reports, as sorted `level name: message` lines (name: the resource's logical name). */
export async function messages(policy: Policy, resources: readonly ReviewResource[], config?: Record<string, unknown>): Promise<string[]> {
  const result = await evaluate(policy, resources, config);
  return result.violations.map((v) => `${v.enforcementLevel} ${v.urn?.split("::").pop() ?? "(stack)"}: ${v.message}`).sort();
}
