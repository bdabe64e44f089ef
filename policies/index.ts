// The CrossGuard pack: `pulumi preview --policy-pack policies`. Constructing a PolicyPack starts
// its gRPC server, so this file holds nothing else; tests and `npm run review` import policies.ts.
import { PolicyPack } from "@pulumi/policy";
import { POLICY_PACK_NAME, policies } from "./policies";

new PolicyPack(POLICY_PACK_NAME, { policies });
