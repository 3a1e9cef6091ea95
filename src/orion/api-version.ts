/**
 * The `api-version` orchestration parameter (from Prefect's API-version header): the client's API
 * version, or null for a current client. Several rules behave differently for clients
 * older than 0.8.4, and `RetryFailedFlows` has a legacy branch below 0.8.3.
 */

/** The API version of the reference server. */
export const ORION_API_VERSION = '0.8.4';

/** The parameter's key, as the HTTP layer seeds it for flow-run transitions. */
export const API_VERSION_PARAMETER = 'api-version';

/**
 * Compares two dotted numeric versions (`"0.8.4"`): negative, zero or positive as `a`
 * is older than, equal to or newer than `b`. Missing parts count as 0.
 */
export function compareApiVersions(a: string, b: string): number {
  const pa = parseApiVersion(a);
  const pb = parseApiVersion(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The numeric parts of `version`; throws a `TypeError` for anything but dotted integers. */
export function parseApiVersion(version: string): number[] {
  if (typeof version !== 'string' || !/^\d+(\.\d+)*$/.test(version)) {
    throw new TypeError(
      `An API version must look like "0.8.4" (dotted integers), got ${JSON.stringify(version)}.`,
    );
  }
  return version.split('.').map(Number);
}

/** The client's version from orchestration parameters: null when absent (a current client). */
export function apiVersionOf(parameters: Readonly<Record<string, unknown>>): string | null {
  const version = parameters[API_VERSION_PARAMETER];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever a client sent is read as text; text that is no version fails parseApiVersion
  return version === undefined || version === null ? null : String(version);
}

/** True for a current client: no version, or 0.8.4 and later. */
export function isCurrentClient(parameters: Readonly<Record<string, unknown>>): boolean {
  const version = apiVersionOf(parameters);
  return version === null || compareApiVersions(version, ORION_API_VERSION) >= 0;
}

/** True for a legacy client: a version older than 0.8.3. */
export function isLegacyClient(parameters: Readonly<Record<string, unknown>>): boolean {
  const version = apiVersionOf(parameters);
  return version !== null && compareApiVersions(version, '0.8.3') < 0;
}
