/*
 * The configuration's enumerations as const objects with a type of the same name: the shape Pulumi's
 * component analyzer turns into schema enums (a bare union of string literals has no members it can read).
 */

export const ProviderFamily = { native: "native", classic: "classic" } as const;
/** native (@pulumi/azure-native) | classic (@pulumi/azure). */
export type ProviderFamily = (typeof ProviderFamily)[keyof typeof ProviderFamily];

export const StorageRedundancy = { GeoRedundant: "GeoRedundant", ZoneRedundant: "ZoneRedundant", LocallyRedundant: "LocallyRedundant" } as const;
export type StorageRedundancy = (typeof StorageRedundancy)[keyof typeof StorageRedundancy];

export const SoftDelete = { AlwaysOn: "AlwaysOn", Enabled: "Enabled", Disabled: "Disabled" } as const;
export type SoftDelete = (typeof SoftDelete)[keyof typeof SoftDelete];

export const Immutability = { Disabled: "Disabled", Unlocked: "Unlocked", Locked: "Locked" } as const;
export type Immutability = (typeof Immutability)[keyof typeof Immutability];

export const PublicNetworkAccess = { Disabled: "Disabled", Enabled: "Enabled" } as const;
export type PublicNetworkAccess = (typeof PublicNetworkAccess)[keyof typeof PublicNetworkAccess];

export const PolicyTier = { Standard: "Standard", Enhanced: "Enhanced" } as const;
export type PolicyTier = (typeof PolicyTier)[keyof typeof PolicyTier];

export const Frequency = { Daily: "Daily", Weekly: "Weekly", Hourly: "Hourly" } as const;
export type Frequency = (typeof Frequency)[keyof typeof Frequency];

export const DayOfWeek = {
  Sunday: "Sunday", Monday: "Monday", Tuesday: "Tuesday", Wednesday: "Wednesday", Thursday: "Thursday", Friday: "Friday", Saturday: "Saturday",
} as const;
export type DayOfWeek = (typeof DayOfWeek)[keyof typeof DayOfWeek];

export const WeekOfMonth = { First: "First", Second: "Second", Third: "Third", Fourth: "Fourth", Last: "Last" } as const;
export type WeekOfMonth = (typeof WeekOfMonth)[keyof typeof WeekOfMonth];

export const Month = {
  January: "January", February: "February", March: "March", April: "April", May: "May", June: "June",
  July: "July", August: "August", September: "September", October: "October", November: "November", December: "December",
} as const;
export type Month = (typeof Month)[keyof typeof Month];

export const TieringMode = { TierAfter: "TierAfter", TierRecommended: "TierRecommended", DoNotTier: "DoNotTier" } as const;
export type TieringMode = (typeof TieringMode)[keyof typeof TieringMode];

export const TierUnit = { Days: "Days", Weeks: "Weeks", Months: "Months", Years: "Years" } as const;
export type TierUnit = (typeof TierUnit)[keyof typeof TierUnit];

export const OsType = { Windows: "Windows", Linux: "Linux" } as const;
export type OsType = (typeof OsType)[keyof typeof OsType];

export const ProtectionSetting = { Protected: "Protected", Stopped: "Stopped", Suspended: "Suspended" } as const;
export type ProtectionSetting = (typeof ProtectionSetting)[keyof typeof ProtectionSetting];

export const ExtensionMode = { auto: "auto", declare: "declare" } as const;
export type ExtensionMode = (typeof ExtensionMode)[keyof typeof ExtensionMode];

export const VssMode = { Full: "Full", Copy: "Copy" } as const;
export type VssMode = (typeof VssMode)[keyof typeof VssMode];

export const WindowsReadinessMode = { check: "check", prepare: "prepare" } as const;
export type WindowsReadinessMode = (typeof WindowsReadinessMode)[keyof typeof WindowsReadinessMode];

export const VaultSku = { RS0: "RS0", Standard: "Standard" } as const;
/** RS0 | Standard: the SKU name Azure shows for the vault (both are the Standard tier). */
export type VaultSku = (typeof VaultSku)[keyof typeof VaultSku];

export const EnhancedSecurity = { Enabled: "Enabled", Disabled: "Disabled", AlwaysOn: "AlwaysOn" } as const;
export type EnhancedSecurity = (typeof EnhancedSecurity)[keyof typeof EnhancedSecurity];

export const CrossSubscriptionRestore = { Enabled: "Enabled", Disabled: "Disabled", PermanentlyDisabled: "PermanentlyDisabled" } as const;
export type CrossSubscriptionRestore = (typeof CrossSubscriptionRestore)[keyof typeof CrossSubscriptionRestore];

export const SourceScanIdentity = { SystemAssigned: "SystemAssigned", UserAssigned: "UserAssigned" } as const;
export type SourceScanIdentity = (typeof SourceScanIdentity)[keyof typeof SourceScanIdentity];
