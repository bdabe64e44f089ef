import { describe, expect, it } from "vitest";
import { isKnownRegion, nearestRegion } from "../../infra/azure/azureRegions";

describe("Azure regions", () => {
  it("knows regions written with capitals and spaces", () => {
    expect(isKnownRegion("westeurope")).toBe(true);
    expect(isKnownRegion("West Europe")).toBe(true);
    expect(isKnownRegion("westeurop")).toBe(false);
  });

  it("names the region nearest in spelling", () => {
    expect(nearestRegion("westeurop")).toBe("westeurope");
    expect(nearestRegion("North Europa")).toBe("northeurope");
    // A tie goes to the region listed first.
    expect(nearestRegion("eastus3")).toBe("eastus");
    expect(nearestRegion("uksouht")).toBe("uksouth");
    expect(nearestRegion("westeurope")).toBe("westeurope");
  });
});
