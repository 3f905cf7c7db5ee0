#!/usr/bin/env bash
# `npm run audit`: package-lock.json against a local copy of the OSV vulnerability database, with
# osv-scanner (pinned, built from the Go module proxy by deploy/bin/osv-scanner.sh) in offline
# mode: no project or dependency data leaves the machine. Reports production and development
# dependencies apart and fails on a high or critical advisory in production that
# deploy/audit-allowlist.json does not accept (deploy/bin/audit-report.mjs). See README.md,
# "Dependency audit".
#   npm run audit                        scan against .local/osv-db/ (kept between runs)
#   OSV_NPM_DB=all.zip npm run audit     first install that copy of the OSV export's npm/all.zip
#   npm run audit -- --download          fetch the export first (its host is not a package registry)
#   npm run audit -- --self-test         check the scanner and the gate on a made-up database
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/bin/bootstrap.sh

if [[ ${1:-} == --self-test ]]; then exec bash deploy/bin/audit-self-test.sh; fi

OSV_SCANNER=$(bash deploy/bin/osv-scanner.sh)
db_root=${OSV_DB_ROOT:-$PWD/.local/osv-db}
npm_db=$db_root/osv-scanner/npm/all.zip
scan=(scan source --lockfile package-lock.json --format json --verbosity warn)

if [[ -n ${OSV_NPM_DB:-} ]]; then
  install -D -m 0644 "$OSV_NPM_DB" "$npm_db"
fi
if [[ ${1:-} == --download ]]; then
  scan+=(--offline-vulnerabilities --download-offline-databases)
elif [[ -f $npm_db ]]; then
  scan+=(--offline)
else
  cat >&2 <<EOF
audit: no vulnerability database at ${npm_db#"$PWD/"}.
OSV publishes it at osv-vulnerabilities.storage.googleapis.com/npm/all.zip, which is not a
package registry, and no package we found on npm, PyPI, Maven Central, the Go module proxy,
crates.io or Debian ships it. Copy that file from a machine that reaches it
(OSV_NPM_DB=/path/to/all.zip npm run audit) or, where the host is reachable, run
npm run audit -- --download.
EOF
  exit 2
fi

# The database's own date: the newest record in it (cached beside it, as reading it takes seconds).
about_db() {
  if [[ ! $npm_db.about -nt $npm_db ]]; then
    python3 - "$npm_db" >"$npm_db.about" <<'EOF'
import json, sys, zipfile
newest, count = '', 0
with zipfile.ZipFile(sys.argv[1]) as db:
    for name in db.namelist():
        if name.endswith('.json'):
            count += 1
            newest = max(newest, json.loads(db.read(name)).get('modified', ''))
print(count, newest)
EOF
  fi
  cat "$npm_db.about"
}

result=$(mktemp)
trap 'rm -f "$result"' EXIT
# osv-scanner exits 1 when it found advisories, which the report judges; other codes are errors.
status=0
OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY=$db_root "$OSV_SCANNER" "${scan[@]}" >"$result" || status=$?
if ((status > 1)); then
  echo "audit: osv-scanner failed (exit $status)" >&2
  exit "$status"
fi
read -r records newest < <(about_db)
node deploy/bin/audit-report.mjs --scan "$result" --database-records "$records" --database-date "$newest"
