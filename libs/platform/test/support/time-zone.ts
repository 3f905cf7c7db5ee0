// The platform's tests run nine hours from UTC, so code that reads a stored UTC time as local
// time fails here, not in a replica whose machine is not set to UTC.
export default function runNineHoursFromUtc(): void {
  process.env.TZ = 'Asia/Seoul';
}
