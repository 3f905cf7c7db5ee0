#!/usr/bin/env bash
# `npm run audit -- --self-test`: proves the audit's wiring where no real database can be had. It
# writes a made-up OSV npm database (in a temporary folder) with a high advisory for a production
# package of package-lock.json at its locked version, a critical one for a development package,
# and one whose range misses the locked version; then runs the real audit (osv-scanner offline on
# the real lockfile, then the report) against it and checks each lands where it must and that the
# run fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

read -r production development < <(node -e '
  const entries = Object.entries(require("./package-lock.json").packages)
    .filter(([key, entry]) => key.includes("node_modules/") && !entry.link && !entry.optional);
  const pick = (dev) => entries.find(([, entry]) => Boolean(entry.dev) === dev)[0].split("node_modules/").pop();
  console.log(pick(false), pick(true));
')
db_root=$(mktemp -d)
trap 'rm -rf "$db_root"' EXIT
mkdir -p "$db_root/osv-scanner/npm"
python3 - "$db_root/osv-scanner/npm/all.zip" "$production" "$development" <<'EOF'
import json, sys, zipfile
from datetime import datetime, timezone
path, production, development = sys.argv[1:]
today = datetime.now(timezone.utc).strftime('%Y-%m-%dT00:00:00Z')
def record(id, name, severity, fixed=None):
    events = [{'introduced': '0'}] + ([{'fixed': fixed}] if fixed else [])
    return {
        'schema_version': '1.6.0', 'id': id, 'modified': today, 'published': today,
        'summary': f'made-up advisory for {name}',
        'affected': [{'package': {'ecosystem': 'npm', 'name': name},
                      'ranges': [{'type': 'SEMVER', 'events': events}]}],
        'database_specific': {'severity': severity},
    }
with zipfile.ZipFile(path, 'w') as db:
    for r in (record('SELFTEST-PRODUCTION', production, 'HIGH'),
              record('SELFTEST-DEVELOPMENT', development, 'CRITICAL'),
              record('SELFTEST-NOT-AFFECTED', production, 'CRITICAL', fixed='0.0.1')):
        db.writestr(f"{r['id']}.json", json.dumps(r))
EOF

status=0
output=$(OSV_DB_ROOT=$db_root bash deploy/bin/audit.sh 2>&1) || status=$?
echo "$output"
failures=()
((status == 1)) || failures+=("the audit exited $status, not 1")
sections=$(awk '/^production/ {s = "production"} /^development/ {s = "development"} /SELFTEST/ {print s, $2}' <<<"$output")
grep -qx 'production SELFTEST-PRODUCTION' <<<"$sections" || failures+=("$production's advisory is not under production")
grep -qx 'development SELFTEST-DEVELOPMENT' <<<"$sections" || failures+=("$development's advisory is not under development")
if grep -q SELFTEST-NOT-AFFECTED <<<"$sections"; then failures+=('an advisory that misses the locked version was reported'); fi
grep -q "newest modified $(date -u +%F)T00:00:00Z" <<<"$output" || failures+=("the database's date is not printed")

if ((${#failures[@]} > 0)); then
  printf 'audit self-test: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "audit self-test: passed (osv-scanner read package-lock.json offline; $production blocks as production, $development is reported as development)"
