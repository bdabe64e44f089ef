import { validateResourceOfType, type ResourceValidationArgs, type ResourceValidationPolicy } from "@pulumi/policy";
import { RETENTION_DAILY_DAYS } from "../../infra/azure/azureLimits";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { ClassicPolicyVm, DOCS, NativeProtectionPolicy } from "../shared/resourceTypes";
import { readVmPolicy } from "../shared/vmPolicy";

/** 0 switches a period's minimum off. */
const defaults = { minimumDailyDays: RETENTION_DAILY_DAYS.min, minimumWeeklyWeeks: 0, minimumMonthlyMonths: 0, minimumYearlyYears: 0 };

const PERIODS = [
  { key: "weekly", min: "minimumWeeklyWeeks", unit: "weeks" },
  { key: "monthly", min: "minimumMonthlyMonths", unit: "months" },
  { key: "yearly", min: "minimumYearlyYears", unit: "years" },
] as const;

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function check(args: ResourceValidationArgs, family: "native" | "classic", report: (m: string) => void) {
  const config = readConfig(args, defaults);
  const { name, mapped } = readVmPolicy(args, family);
  const retention: Obj = mapped.raw.retention ?? {};
  // Weekly schedules keep no daily points; their weekly retention is what a daily minimum would ask for.
  if (config.minimumDailyDays > 0 && typeof retention.daily === "number" && retention.daily < config.minimumDailyDays) {
    report(`Policy ${name} keeps daily recovery points ${retention.daily} days; set policies.${name}.retention.daily to at least ${config.minimumDailyDays}.`);
  }
  for (const p of PERIODS) {
    const minimum = config[p.min];
    if (minimum <= 0) continue;
    const count = (retention[p.key] as Obj | undefined)?.count;
    if (typeof count !== "number") {
      report(`Policy ${name} keeps no ${p.key} recovery points; add policies.${name}.retention.${p.key} with count of at least ${minimum} ${p.unit}.`);
    } else if (count < minimum) {
      report(`Policy ${name} keeps ${p.key} recovery points ${count} ${p.unit}; set policies.${name}.retention.${p.key}.count to at least ${minimum}.`);
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
    validateResourceOfType(NativeProtectionPolicy, (_p, args, report) => check(args, "native", report)),
    validateResourceOfType(ClassicPolicyVm, (_p, args, report) => check(args, "classic", report)),
  ],
};
