import type { ResourceValidationPolicy } from "@pulumi/policy";
import { SNAPSHOT_EXTENSION_PUBLISHER } from "../../infra/azure/azureLimits";
import { DOCS } from "../shared/resourceTypes";
import { validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const isEmpty = (v: unknown) => v === undefined || (typeof v === "object" && v !== null && Object.keys(v).length === 0) || v === "" || v === "{}";

function check(ext: Obj, args: { notApplicable(reason?: string): never; name: string }, report: (m: string) => void) {
  // ARM-shaped extensions keep their settings under `properties`.
  const body: Obj = ext.properties && ext.properties.publisher !== undefined ? ext.properties : ext;
  const type = str(body.type);
  const snapshot = sameText(body.publisher, SNAPSHOT_EXTENSION_PUBLISHER) || /^VMSnapshot/i.test(type && !type.includes("/") ? type : "");
  if (!snapshot) args.notApplicable("not the Azure Backup snapshot extension");
  if (!isEmpty(body.settings)) report(`Snapshot extension ${args.name} sets settings; Azure Backup manages them: remove settings.`);
  if (!isEmpty(body.protectedSettings)) report(`Snapshot extension ${args.name} sets protectedSettings; Azure Backup manages them: remove protectedSettings.`);
  if (body.autoUpgradeMinorVersion === false) report(`Snapshot extension ${args.name} sets autoUpgradeMinorVersion to false; keep it true so the service can update the extension.`);
}

/** A declared backup snapshot extension leaves settings to the service and keeps minor-version upgrades (advisory). */
export const enforceServiceManagedSettings: ResourceValidationPolicy = {
  name: "compute-vmextension-enforce-service-managed-settings",
  description: "A declared backup snapshot extension leaves settings to the service and keeps minor-version upgrades (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Declare the snapshot extension without settings or protectedSettings and with autoUpgradeMinorVersion true, or let Azure Backup install it.",
  url: DOCS.snapshotExtension,
  validateResource: [
    validateKind("extension", "native", (ext, { args }, report) => check(ext, args, report)),
    validateKind("extension", "classic", (ext, { args }, report) => check(ext, args, report)),
  ],
};
