import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { RETENTION_DAILY_DAYS } from "../../infra/azure/azureLimits";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { isOurs, validateKind } from "../shared/validateKind";
import { readVmPolicy } from "../shared/vmPolicy";

/** 0 switches a period's minimum off. */
const defaults = { minimumDailyDays: RETENTION_DAILY_DAYS.min, minimumWeeklyWeeks: 0, minimumMonthlyMonths: 0, minimumYearlyYears: 0 };

const PERIODS = [
  { key: "weekly", min: "minimumWeeklyWeeks", unit: "weeks", native: "weeklySchedule", classic: "retentionWeekly" },
  { key: "monthly", min: "minimumMonthlyMonths", unit: "months", native: "monthlySchedule", classic: "retentionMonthly" },
  { key: "yearly", min: "minimumYearlyYears", unit: "years", native: "yearlySchedule", classic: "retentionYearly" },
] as const;

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The resource's own field for a retention period, and this project's key when the policy is ours. */
function fieldOf(family: "native" | "classic", period: { key: string; native: string; classic: string }, name: string, ours: boolean): string {
  const own = family === "native" ? `properties.retentionPolicy.${period.native}.retentionDuration.count` : `${period.classic}.count`;
  return ours ? `${own} (config policies.${name}.retention.${period.key}${period.key === "daily" ? "" : ".count"})` : own;
}

function check(args: ResourceValidationArgs, family: "native" | "classic", report: (m: string) => void) {
  const config = readConfig(args, defaults);
  const ours = isOurs(args.urn);
  const { name, mapped } = readVmPolicy(args, family);
  const retention: Obj = mapped.raw.retention ?? {};
  // Weekly schedules keep no daily points; their weekly retention is what a daily minimum would ask for.
  if (config.minimumDailyDays > 0 && typeof retention.daily === "number" && retention.daily < config.minimumDailyDays) {
    const field = fieldOf(family, { key: "daily", native: "dailySchedule", classic: "retentionDaily" }, name, ours);
    report(`Policy ${name} keeps daily recovery points ${retention.daily} days; set ${field} to at least ${config.minimumDailyDays}.`);
  }
  for (const p of PERIODS) {
    const minimum = config[p.min];
    if (minimum <= 0) continue;
    const count = (retention[p.key] as Obj | undefined)?.count;
    const field = fieldOf(family, p, name, ours);
    if (typeof count !== "number") {
      report(`Policy ${name} keeps no ${p.key} recovery points; add ${field} of at least ${minimum} ${p.unit}.`);
    } else if (count < minimum) {
      report(`Policy ${name} keeps ${p.key} recovery points ${count} ${p.unit}; set ${field} to at least ${minimum}.`);
    }
  }
}

/** VM backup policies keep recovery points at least the configured days, weeks, months and years. */
export const configureMinimumRetention: ResourceValidationPolicy = {
  name: "recoveryservices-backuppolicy-configure-minimum-retention",
  description: "VM backup policies keep recovery points at least the configured days, weeks, months and years.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Raise the retention counts to the organisation's minimums (policy configuration of this pack).",
  url: DOCS.policy,
  configSchema: configSchemaWithDefaults(defaults, {
    minimumDailyDays: { type: "integer", minimum: 0, maximum: RETENTION_DAILY_DAYS.max, description: `Fewest days daily points are kept (Azure's floor is ${RETENTION_DAILY_DAYS.min}).` },
    minimumWeeklyWeeks: { type: "integer", minimum: 0, description: "Fewest weeks weekly points are kept; 0: no weekly retention required." },
    minimumMonthlyMonths: { type: "integer", minimum: 0, description: "Fewest months monthly points are kept; 0: no monthly retention required." },
    minimumYearlyYears: { type: "integer", minimum: 0, description: "Fewest years yearly points are kept; 0: no yearly retention required." },
  }),
  validateResource: [
    validateKind("policy", "native", (_p, { args }, report) => check(args, "native", report)),
    validateKind("policy", "classic", (_p, { args }, report) => check(args, "classic", report)),
  ],
};
