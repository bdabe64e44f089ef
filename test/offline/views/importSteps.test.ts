import { describe, expect, it } from "vitest";
import type { RecordedResource } from "../../../infra/offline/engine/recordedResource";
import { recordedResourcesFromPlan, toPlanDocument } from "../../../infra/offline/views/planDocument";

const recorded = (urn: string, importId?: string): RecordedResource => ({
  urn, type: "azure-native:recoveryservices:Vault", name: urn.split("::").pop()!, custom: true, inputs: { vaultName: "v" }, secretPaths: [],
  protect: true, retainOnDelete: false, deleteBeforeReplace: false, ignoreChanges: [], replaceOnChanges: [], dependencies: [],
  propertyDependencies: {}, aliasCount: 0, ...(importId && { importId }),
});

describe("plan --json: adopted resources", () => {
  const id = "/subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v";
  const doc = toPlanDocument([recorded("urn:a::adopted", id), recorded("urn:a::created")]);

  it("are import steps carrying the Azure ID in newState.id, counted apart", () => {
    expect(doc.steps.map((s) => [s.op, s.newState.id])).toEqual([["import", id], ["create", undefined]]);
    expect(doc.changeSummary).toEqual({ create: 1, import: 1 });
  });

  it("stay adopted when a saved document is read back (review --preview-json)", () => {
    expect(recordedResourcesFromPlan(doc).map((r) => r.importId)).toEqual([id, undefined]);
  });
});
