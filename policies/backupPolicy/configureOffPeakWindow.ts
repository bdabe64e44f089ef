import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { isOurs, validateKind } from "../shared/validateKind";
import { readVmPolicy } from "../shared/vmPolicy";

/** Empty: no window (the rule is off until an organisation sets one). */
const defaults = { windowStart: "", windowEnd: "" };
const HHMM = "^([01]\\d|2[0-3]):[0-5]\\d$|^$";

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Inside [start, end), a window may wrap midnight (22:00-04:00). */
function inWindow(time: string, start: string, end: string): boolean {
  const t = minutes(time), s = minutes(start), e = minutes(end);
  return s <= e ? t >= s && t < e : t >= s || t < e;
}

function check(args: ResourceValidationArgs, family: "native" | "classic", report: (m: string) => void) {
  const { windowStart, windowEnd } = readConfig(args, defaults);
  if (!windowStart || !windowEnd) args.notApplicable("no off-peak window configured");
  const { name, mapped } = readVmPolicy(args, family);
  const schedule = mapped.raw.schedule as { time?: unknown } | undefined;
  const time = typeof schedule?.time === "string" && /^\d\d:\d\d$/.test(schedule.time) ? schedule.time : undefined;
  if (!time) args.notApplicable("the policy's run time is not a single HH:MM time (see recoveryservices-backuppolicy-enforce-service-rules)");
  if (!inWindow(time!, windowStart, windowEnd)) {
    const field = family === "native" ? "properties.schedulePolicy (scheduleRunTimes / hourlySchedule.scheduleWindowStartTime)" : "backup.time";
    const tz = String(mapped.raw.timeZone ?? "UTC");
    report(`Policy ${name} starts its backups at ${time} ${tz}, outside the off-peak window ${windowStart}-${windowEnd}; move ${field}${isOurs(args.urn) ? ` (config policies.${name}.schedule.time)` : ""} into the window.`);
  }
}

/** VM backup policies start inside the configured off-peak window, in the policy's time zone (advisory, off by default). */
export const configureOffPeakWindow: ResourceValidationPolicy = {
  name: "recoveryservices-backuppolicy-configure-off-peak-window",
  description: "VM backup policies start inside the configured off-peak window, in the policy's time zone (advisory, off by default).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Start backups off-peak (Azure's guidance: around 2-3 AM local time) and stagger policies across the window.",
  url: DOCS.bestPractices,
  configSchema: configSchemaWithDefaults(defaults, {
    windowStart: { type: "string", pattern: HHMM, description: 'Window start "HH:MM" in each policy\'s own time zone; empty: rule off.' },
    windowEnd: { type: "string", pattern: HHMM, description: 'Window end "HH:MM" (exclusive; may wrap midnight); empty: rule off.' },
  }),
  validateResource: [
    validateKind("policy", "native", (_p, { args }, report) => check(args, "native", report)),
    validateKind("policy", "classic", (_p, { args }, report) => check(args, "classic", report)),
  ],
};
