import * as fs from "node:fs";
import * as path from "node:path";
import type { Policies } from "@pulumi/policy";
import { POLICY_PACK_NAME, policies } from "../../../policies/policies";
import { PROJECT_ROOT } from "../engine/stackConfig";

export interface PolicyPackInfo {
  readonly name: string;
  readonly version: string;
  readonly policies: Policies;
}

export const POLICY_PACK_DIR = path.join(PROJECT_ROOT, "policies");

/** The pack as the CLI would load it: its policies, name, and version from policies/package.json. */
export function loadPolicyPack(): PolicyPackInfo {
  const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "package.json"), "utf8")) as { version: string };
  return { name: POLICY_PACK_NAME, version: pkg.version, policies };
}
