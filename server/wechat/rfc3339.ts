/** RFC 3339 with the Beijing offset, as WeChat Pay writes times (it reads any offset). */
export function rfc3339(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}
