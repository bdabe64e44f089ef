import type { ConfigIssue } from "../config/configError";
import { policyFromNative } from "../providers/nativePolicy";
import { timeOfDay } from "../providers/readBack";
import { issueAt, isObject, type ArmResource, type Json } from "./armDocuments";
import { describeValue, uncovered, type Coverage } from "./coverage";

const times = { retentionTimes: "read", retentionDuration: { count: "read", durationType: "read" } } as const;
const byFormat = {
  ...times,
  retentionScheduleFormatType: "read",
  retentionScheduleDaily: { daysOfTheMonth: "read" },
  retentionScheduleWeekly: { daysOfTheWeek: "read", weeksOfTheMonth: "read" },
} as const;

const POLICY_COVERAGE: Coverage = {
  id: "read", name: "read", type: "ignored", etag: "ignored", eTag: "ignored", systemData: "ignored",
  properties: {
    backupManagementType: "read",
    protectedItemsCount: "ignored",
    resourceGuardOperationRequests: "ignored",
    policyType: "read",
    schedulePolicy: {
      schedulePolicyType: "read", scheduleRunFrequency: "read", scheduleRunTimes: "read", scheduleRunDays: "read", scheduleWeeklyFrequency: "read",
      hourlySchedule: { interval: "read", scheduleWindowStartTime: "read", scheduleWindowDuration: "read" },
      dailySchedule: { scheduleRunTimes: "read" },
      weeklySchedule: { scheduleRunDays: "read", scheduleRunTimes: "read" },
    },
    retentionPolicy: {
      retentionPolicyType: "read",
      dailySchedule: times,
      weeklySchedule: { ...times, daysOfTheWeek: "read" },
      monthlySchedule: byFormat,
      yearlySchedule: { ...byFormat, monthsOfYear: "read" },
    },
    instantRpRetentionRangeInDays: "read",
    instantRPDetails: { azureBackupRGNamePrefix: "read", azureBackupRGNameSuffix: "read" },
    timeZone: "read",
    tieringPolicy: { ArchivedRP: { tieringMode: "read", duration: "read", durationType: "read" } },
    snapshotConsistencyType: "read",
  },
};

/** Config key (below `policies.<name>`) -> JSON path in the policy body, for locating findings. */
export const POLICY_PATHS: Readonly<Record<string, string>> = {
  tier: "properties.policyType",
  "schedule.time": "properties.schedulePolicy",
  schedule: "properties.schedulePolicy",
  timeZone: "properties.timeZone",
  instantRestoreDays: "properties.instantRpRetentionRangeInDays",
  instantRestoreResourceGroup: "properties.instantRPDetails",
  crashConsistentOnly: "properties.snapshotConsistencyType",
  "retention.daily": "properties.retentionPolicy.dailySchedule.retentionDuration.count",
  "retention.weekly.count": "properties.retentionPolicy.weeklySchedule.retentionDuration.count",
  "retention.weekly.days": "properties.retentionPolicy.weeklySchedule.daysOfTheWeek",
  "retention.weekly": "properties.retentionPolicy.weeklySchedule",
  "retention.monthly.count": "properties.retentionPolicy.monthlySchedule.retentionDuration.count",
  "retention.monthly": "properties.retentionPolicy.monthlySchedule",
  "retention.yearly.count": "properties.retentionPolicy.yearlySchedule.retentionDuration.count",
  "retention.yearly.months": "properties.retentionPolicy.yearlySchedule.monthsOfYear",
  "retention.yearly": "properties.retentionPolicy.yearlySchedule",
  retention: "properties.retentionPolicy",
  tiering: "properties.tieringPolicy.ArchivedRP",
  scheduleDate: "properties.schedulePolicy",
  importId: "id",
};

const DURATION_TYPES: Readonly<Record<string, string>> = { dailySchedule: "Days", weeklySchedule: "Weeks", monthlySchedule: "Months", yearlySchedule: "Years" };

/** Every date-time of a V1/V2 policy with its JSON path: the configuration writes them all on one date. */
function dateTimes(p: Json): Array<{ path: string; value: unknown }> {
  const out: Array<{ path: string; value: unknown }> = [];
  const list = (path: string, v: unknown) => {
    if (Array.isArray(v)) v.forEach((t, i) => out.push({ path: `${path}[${i}]`, value: t }));
  };
  const s = isObject(p.schedulePolicy) ? p.schedulePolicy : {};
  list("properties.schedulePolicy.scheduleRunTimes", s.scheduleRunTimes);
  if (isObject(s.hourlySchedule)) out.push({ path: "properties.schedulePolicy.hourlySchedule.scheduleWindowStartTime", value: s.hourlySchedule.scheduleWindowStartTime });
  if (isObject(s.dailySchedule)) list("properties.schedulePolicy.dailySchedule.scheduleRunTimes", s.dailySchedule.scheduleRunTimes);
  if (isObject(s.weeklySchedule)) list("properties.schedulePolicy.weeklySchedule.scheduleRunTimes", s.weeklySchedule.scheduleRunTimes);
  const r = isObject(p.retentionPolicy) ? p.retentionPolicy : {};
  for (const key of Object.keys(DURATION_TYPES)) {
    if (isObject(r[key])) list(`properties.retentionPolicy.${key}.retentionTimes`, (r[key] as Json).retentionTimes);
  }
  return out;
}

export interface PolicyFromArm {
  readonly name: string;
  readonly raw: Json;
  readonly issues: ConfigIssue[];
  /** Settings Azure's body left out, for which the configuration's default is sent. */
  readonly notes: ConfigIssue[];
}

/** Maps an Azure VM policy's GET body to raw policy configuration (validated later by loadConfig). */
export function policyFromArm(policy: ArmResource): PolicyFromArm {
  const b = policy.body;
  const p = isObject(b.properties) ? b.properties : {};
  const name = String(b.name ?? "");
  const issues: ConfigIssue[] = uncovered(b, POLICY_COVERAGE, "").map(({ path, value }) =>
    issueAt(policy, path, `is a writable policy setting the configuration cannot express (got ${describeValue(value)})`),
  );
  const notes: ConfigIssue[] = [];
  const mapped = policyFromNative(p, "properties");
  issues.push(...mapped.issues.map((i) => issueAt(policy, i.path, i.message)));

  const s = isObject(p.schedulePolicy) ? p.schedulePolicy : {};
  if (s.scheduleWeeklyFrequency !== undefined && s.scheduleWeeklyFrequency !== 0) {
    issues.push(issueAt(policy, "properties.schedulePolicy.scheduleWeeklyFrequency", `must be 0 (every week): the configuration runs weekly schedules every week (got ${describeValue(s.scheduleWeeklyFrequency)})`));
  }
  const r = isObject(p.retentionPolicy) ? p.retentionPolicy : {};
  if (r.retentionPolicyType !== undefined && r.retentionPolicyType !== "LongTermRetentionPolicy") {
    issues.push(issueAt(policy, "properties.retentionPolicy.retentionPolicyType", `must be LongTermRetentionPolicy, the only retention of Azure VM policies (got ${describeValue(r.retentionPolicyType)})`));
  }
  for (const [key, unit] of Object.entries(DURATION_TYPES)) {
    const type = isObject(r[key]) ? (r[key] as Json).retentionDuration : undefined;
    if (isObject(type) && type.durationType !== undefined && type.durationType !== unit) {
      issues.push(issueAt(policy, `properties.retentionPolicy.${key}.retentionDuration.durationType`, `must be ${unit} (got ${describeValue(type.durationType)})`));
    }
  }
  if (p.snapshotConsistencyType !== undefined && p.snapshotConsistencyType !== "OnlyCrashConsistent" && p.snapshotConsistencyType !== "Default") {
    issues.push(issueAt(policy, "properties.snapshotConsistencyType", `must be OnlyCrashConsistent or Default (got ${describeValue(p.snapshotConsistencyType)})`));
  }

  // The configuration writes every date-time as <scheduleDate>T<time>:00Z; keeping Azure's date makes the import exact.
  const all = dateTimes(p);
  const first = all.find((t) => typeof t.value === "string");
  const scheduleDate = typeof first?.value === "string" ? /^(\d{4}-\d{2}-\d{2})T/.exec(first.value)?.[1] : undefined;
  for (const t of all) {
    const time = timeOfDay(t.value);
    if (scheduleDate && typeof time === "string" && Date.parse(String(t.value)) !== Date.parse(`${scheduleDate}T${time}:00Z`)) {
      issues.push(issueAt(policy, t.path, `must be on ${scheduleDate} in UTC like the policy's first date-time: the configuration writes every date-time of a policy on one date (got ${describeValue(t.value)})`));
    }
  }
  if (s.scheduleWeeklyFrequency === 0) notes.push(issueAt(policy, "properties.schedulePolicy.scheduleWeeklyFrequency", "is 0 (Azure's value for every week): not sent"));
  if (p.policyType === undefined) notes.push(issueAt(policy, "properties.policyType", "is not in the body (Azure leaves it out of Standard policies): the configuration sends V1"));
  if (p.timeZone === undefined) notes.push(issueAt(policy, "properties.timeZone", "is not in the body: the configuration sends UTC (Azure's default)"));
  if (p.instantRpRetentionRangeInDays === undefined) {
    notes.push(issueAt(policy, "properties.instantRpRetentionRangeInDays", "is not in the body: the configuration sends Azure's default for the schedule (Standard 2 days, 5 for Weekly; Enhanced 7)"));
  }
  const raw: Json = { ...mapped.raw, ...(scheduleDate && { scheduleDate }), importId: b.id };
  return { name, raw, issues, notes };
}
