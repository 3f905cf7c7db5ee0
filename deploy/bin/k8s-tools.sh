#!/usr/bin/env bash
# Installs what checks the cluster layout (k8s/), once, pinned, from the registries:
#   kustomize and kubeconform  built from the Go module proxy into .local/toolchain/bin;
#   Kubernetes' JSON schemas   the strict standalone set the PyPI package kubernetes-validate ships;
#   the operators' CRDs        CloudNativePG's and prometheus-operator's from their Go modules,
#                              Strimzi's generated from its API classes on Maven Central;
# and converts each CRD to kubeconform's JSON schemas with the converter kubeconform's own module
# carries (scripts/openapi2jsonschema.py). Later runs only check the stamp.
# Prints name=path lines: KUSTOMIZE, KUBECONFORM, K8S_SCHEMAS, CRD_SCHEMAS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

KUSTOMIZE_VERSION=v5.8.1
KUBECONFORM_VERSION=v0.7.0
KUBERNETES_VALIDATE_VERSION=1.37.0 # the PyPI package that carries the schemas
KUBERNETES_VERSION=1.34.0          # the cluster version the layout is validated against
CNPG_VERSION=v1.27.0
PROMETHEUS_OPERATOR_VERSION=v0.85.0
STRIMZI_VERSION=0.45.0 # keep in step with deploy/k8s-tools/strimzi-crds.pom.xml

bin="$PWD/.local/toolchain/bin"
schemas="$PWD/.local/k8s-schemas"
stamp="crds=2 kustomize=$KUSTOMIZE_VERSION kubeconform=$KUBECONFORM_VERSION k8s=$KUBERNETES_VERSION/$KUBERNETES_VALIDATE_VERSION cnpg=$CNPG_VERSION prometheus-operator=$PROMETHEUS_OPERATOR_VERSION strimzi=$STRIMZI_VERSION"
export GOMODCACHE="$PWD/.local/downloads/go/mod" GOCACHE="$PWD/.local/downloads/go/build" GOTOOLCHAIN=local

if [[ $(cat "$schemas/stamp" 2>/dev/null) != "$stamp" ]] || [[ ! -x $bin/kustomize ]] || [[ ! -x $bin/kubeconform ]]; then
  echo "k8s-tools: installing kustomize, kubeconform and the schemas ($stamp; a few minutes, once)" >&2
  go=$(bash deploy/bin/go.sh)
  mkdir -p "$bin" .local/downloads
  GOBIN="$bin" "$go" install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" >&2
  GOBIN="$bin" "$go" install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION" >&2
  module_dir() { (cd /tmp && "$go" mod download -json "$1" | sed -nE 's/^\s*"Dir": "(.*)",?$/\1/p'); }
  kubeconform_dir=$(module_dir "github.com/yannh/kubeconform@$KUBECONFORM_VERSION")
  cnpg_dir=$(module_dir "github.com/cloudnative-pg/cloudnative-pg@$CNPG_VERSION")
  prometheus_operator_dir=$(module_dir "github.com/prometheus-operator/prometheus-operator@$PROMETHEUS_OPERATOR_VERSION")

  rm -rf "$schemas" && mkdir -p "$schemas/crds" "$schemas/crd-yaml"
  # Kubernetes' own kinds: only the one version's strict set out of the wheel.
  wheel_dir=.local/downloads/pypi
  python3 -m pip download -q --no-deps -d "$wheel_dir" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" >&2
  python3 - "$wheel_dir/kubernetes_validate-$KUBERNETES_VALIDATE_VERSION-py3-none-any.whl" \
    "kubernetes_validate/kubernetes-json-schema/v$KUBERNETES_VERSION-local-strict/" "$schemas/kubernetes" <<'PY'
# Each kind's schema refers into one shared _definitions.json by an absolute path, which
# kubeconform cannot follow from a file: write each kind standalone, with the definitions it uses.
import json, os, re, sys, zipfile
wheel, prefix, target = sys.argv[1:]
os.makedirs(target, exist_ok=True)
with zipfile.ZipFile(wheel) as archive:
    names = [n for n in archive.namelist() if n.startswith(prefix) and n.endswith(".json")]
    texts = {n[len(prefix):]: archive.read(n).decode() for n in names}
ref = re.compile(r'"(?:/api/)?_definitions\.json#/\$defs/([^"]+)"')
definitions = json.loads(texts.pop("_definitions.json"))["$defs"]
for name, text in texts.items():
    used, pending = {}, ref.findall(text)
    while pending:
        key = pending.pop()
        if key not in used:
            used[key] = json.dumps(definitions[key])
            pending += re.findall(r'"#/\$defs/([^"]+)"', used[key])
    schema = json.loads(ref.sub(r'"#/$defs/\1"', text))
    schema["$defs"] = {key: json.loads(value) for key, value in used.items()}
    with open(os.path.join(target, name), "w") as out:
        json.dump(schema, out)
PY

  # Strimzi: its generator over its API classes, with Maven's cache under .local/downloads.
  strimzi_lib=.local/downloads/strimzi-$STRIMZI_VERSION
  mvn -q -B -Dstyle.color=never -f deploy/k8s-tools/strimzi-crds.pom.xml -Dmaven.repo.local="$PWD/.local/downloads/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$strimzi_lib" 2>&1 |
    sed 's/\x1b\[0m//g' >&2 # -q leaves the colour resets of its silenced lines
  java -cp "$strimzi_lib/*" io.strimzi.crdgenerator.CrdGenerator --yaml --crd-api-version v1 \
    io.strimzi.api.kafka.model.kafka.Kafka="$schemas/crd-yaml/kafka.strimzi.io_kafkas.yaml" \
    io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$schemas/crd-yaml/kafka.strimzi.io_kafkanodepools.yaml" \
    io.strimzi.api.kafka.model.topic.KafkaTopic="$schemas/crd-yaml/kafka.strimzi.io_kafkatopics.yaml" \
    io.strimzi.api.kafka.model.user.KafkaUser="$schemas/crd-yaml/kafka.strimzi.io_kafkausers.yaml" 2>/dev/null
  cp "$cnpg_dir/config/crd/bases/postgresql.cnpg.io_clusters.yaml" \
    "$prometheus_operator_dir/example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml" \
    "$prometheus_operator_dir/example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml" \
    "$prometheus_operator_dir/example/prometheus-operator-crd/monitoring.coreos.com_prometheuses.yaml" \
    "$prometheus_operator_dir/example/prometheus-operator-crd/monitoring.coreos.com_alertmanagers.yaml" \
    "$schemas/crd-yaml/"
  chmod u+w "$schemas"/crd-yaml/*
  # kubeconform's converter needs PyYAML: the machine's, or a pinned one under .local.
  if ! python3 -c 'import yaml' 2>/dev/null; then
    python3 -m pip install -q --target .local/downloads/pyyaml "PyYAML==6.0.3" >&2
    export PYTHONPATH="$PWD/.local/downloads/pyyaml"
  fi
  (cd "$schemas/crds" && for crd in ../crd-yaml/*.yaml; do
    FILENAME_FORMAT='{fullgroup}_{kind}_{version}' python3 "$kubeconform_dir/scripts/openapi2jsonschema.py" "$crd" >/dev/null
  done)
  echo "$stamp" >"$schemas/stamp"
fi
echo "KUSTOMIZE=$bin/kustomize"
echo "KUBECONFORM=$bin/kubeconform"
echo "K8S_SCHEMAS=$schemas/kubernetes"
echo "CRD_SCHEMAS=$schemas/crds"
