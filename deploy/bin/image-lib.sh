# Sourced by the image scripts: where buildah keeps its images for this checkout, and the bases.
IMAGES_DIR=$PWD/.local/images
BUILDAH_STORAGE=(--root "$IMAGES_DIR/storage" --runroot "$IMAGES_DIR/run" --storage-driver vfs)
RUNTIME_BASE=localhost/headliner-base/debian:bookworm
NODE_BASE=localhost/headliner-base/node:24
