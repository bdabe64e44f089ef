/**
 * Azure region names (`az account list-locations --query "[].name"`): public cloud, US Government
 * and China. A location outside this list is reported with the nearest known name, as a warning
 * only, because Azure opens regions faster than this list is updated.
 */
export const AZURE_REGIONS: readonly string[] = [
  "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "austriaeast", "belgiumcentral",
  "brazilsouth", "brazilsoutheast", "canadacentral", "canadaeast", "centralindia", "centralus", "centraluseuap",
  "chilecentral", "denmarkeast", "eastasia", "eastus", "eastus2", "eastus2euap", "francecentral", "francesouth",
  "germanynorth", "germanywestcentral", "indonesiacentral", "israelcentral", "italynorth", "japaneast", "japanwest",
  "jioindiacentral", "jioindiawest", "koreacentral", "koreasouth", "malaysiawest", "mexicocentral", "newzealandnorth",
  "northcentralus", "northeurope", "norwayeast", "norwaywest", "polandcentral", "qatarcentral", "southafricanorth",
  "southafricawest", "southcentralus", "southindia", "southeastasia", "spaincentral", "swedencentral", "swedensouth",
  "switzerlandnorth", "switzerlandwest", "taiwannorth", "taiwannorthwest", "uaecentral", "uaenorth", "uksouth", "ukwest",
  "westcentralus", "westeurope", "westindia", "westus", "westus2", "westus3",
  "usgovarizona", "usgoviowa", "usgovtexas", "usgovvirginia", "usdodcentral", "usdodeast",
  "chinaeast", "chinaeast2", "chinaeast3", "chinanorth", "chinanorth2", "chinanorth3",
];

/** `West Europe` and `westeurope` are one region to Azure: compared without case or spaces. */
export const regionKey = (location: string): string => location.replace(/\s+/g, "").toLowerCase();

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The known region closest in spelling to `location`. */
export function nearestRegion(location: string): string {
  const key = regionKey(location).slice(0, 64);
  let best = AZURE_REGIONS[0]!;
  let bestDistance = Infinity;
  for (const region of AZURE_REGIONS) {
    const d = editDistance(key, region);
    if (d < bestDistance) [best, bestDistance] = [region, d];
  }
  return best;
}

export const isKnownRegion = (location: string): boolean => AZURE_REGIONS.includes(regionKey(location));
