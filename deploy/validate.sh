#!/usr/bin/env bash
# Validates the deployment files that cannot run on a machine without a Docker engine or a cluster:
#   docker-compose.yml          docker compose / docker-compose config (interpolation with deploy/.env.example values)
#   deploy/k8s                  kubectl kustomize (base and the example overlay) and a shape check of the output
#   deploy/prometheus           promtool check config
#   deploy/grafana, keycloak    JSON validity, plus the structural checks below
#   deploy/Dockerfile           the layer extraction it runs, against the built jar, when the jar exists
# Missing tools are installed from Debian's packages when running as root (CI); otherwise the script
# fails rather than skip a check. Exits non-zero on the first invalid file.
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
fail() { echo "INVALID: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

apt_updated=false
install_debian() { # install_debian <package>...
  if [ "$(id -u)" != 0 ]; then
    echo "missing tool; install Debian package(s): $*" >&2
    exit 2
  fi
  if ! $apt_updated; then
    apt-get update -qq
    apt_updated=true
  fi
  # no recommends: docker-compose would otherwise pull in the whole Docker engine; and no daemon may
  # start (the prometheus package starts its server otherwise), so policy-rc.d refuses while we install
  local policy=/usr/sbin/policy-rc.d own_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && own_policy=true
  fi
  local status=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || status=$?
  if $own_policy; then rm -f "$policy"; fi
  [ "$status" = 0 ] || { echo "apt-get install $* failed ($status)" >&2; exit 2; }
}

# --- tools ------------------------------------------------------------------------------------------
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  command -v docker-compose >/dev/null 2>&1 || install_debian docker-compose
  compose=(docker-compose)
fi
# kubectl: any recent one brings kustomize; Debian's kubernetes-client only if none is installed
# (it conflicts with other kubectl packages)
command -v kubectl >/dev/null 2>&1 || install_debian kubernetes-client
command -v promtool >/dev/null 2>&1 || install_debian prometheus
# Debian's python3 with PyYAML reads the rendered manifests (a pyenv python may lack PyYAML)
python=/usr/bin/python3
[ -x "$python" ] && "$python" -c 'import yaml' 2>/dev/null || install_debian python3 python3-yaml

# --- docker-compose.yml -----------------------------------------------------------------------------
# every required variable is set from the example file with a dummy value, so that interpolation,
# `${VAR:?}` guards and the schema are all exercised; the real values never enter the repository
env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
sed -E 's/^([A-Z0-9_]+)=$/\1=validate-only/' deploy/.env.example > "$env_file"
if "${compose[@]}" --env-file "$env_file" -f docker-compose.yml config -q; then
  ok "docker-compose.yml ($("${compose[@]}" version --short 2>/dev/null || echo compose))"
else
  fail "docker-compose.yml"
fi
# and it must refuse to start without any one of its secrets (the variables the example leaves empty)
missing_guard=0
for secret in $(sed -nE 's/^([A-Z0-9_]+)=$/\1/p' deploy/.env.example); do
  grep -v "^$secret=" "$env_file" > "$env_file.less"
  if "${compose[@]}" --env-file "$env_file.less" -f docker-compose.yml config -q >/dev/null 2>&1; then
    fail "docker-compose.yml accepts a missing $secret (use \${$secret:?})"
    missing_guard=1
  fi
done
rm -f "$env_file.less"
[ "$missing_guard" = 0 ] && ok "docker-compose.yml refuses to run without any one of its secrets"

# --- Kubernetes -------------------------------------------------------------------------------------
for dir in deploy/k8s/base deploy/k8s/overlays/example; do
  out=$(mktemp)
  if kubectl kustomize "$dir" > "$out" 2>/dev/null; then
    if "$python" deploy/validate_k8s.py "$out" "$dir"; then
      ok "$dir"
    else
      fail "$dir (rendered, but see above)"
    fi
  else
    kubectl kustomize "$dir" >/dev/null || true
    fail "$dir (kustomize)"
  fi
  rm -f "$out"
done

# --- Prometheus -------------------------------------------------------------------------------------
if promtool check config deploy/prometheus/prometheus.yml >/dev/null; then
  ok "deploy/prometheus/prometheus.yml ($(promtool --version 2>&1 | head -n1))"
else
  promtool check config deploy/prometheus/prometheus.yml || true
  fail "deploy/prometheus/prometheus.yml"
fi

# --- Grafana and Keycloak (JSON and structure) -----------------------------------------------------
if "$python" deploy/validate_json.py; then
  ok "Grafana dashboard and Keycloak realm"
else
  fail "Grafana dashboard or Keycloak realm"
fi

# --- Dockerfile: the layer extraction it performs works on the jar we build -------------------------
jar=services/server/target/roundtable.jar
if [ -f "$jar" ]; then
  work=$(mktemp -d)
  if java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination "$work/extracted" >/dev/null \
      && for layer in dependencies spring-boot-loader snapshot-dependencies application; do
           [ -d "$work/extracted/$layer" ] || { echo "missing layer $layer" >&2; exit 1; }
         done \
      && [ -f "$work/extracted/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class" ]; then
    ok "deploy/Dockerfile layer extraction and launcher"
  else
    fail "deploy/Dockerfile: the jar does not extract into the layers the Dockerfile copies"
  fi
  rm -rf "$work"
else
  echo "note: $jar not built; the Dockerfile's layer extraction was not exercised (docker build needs an engine)"
fi

if [ "$failures" -gt 0 ]; then
  echo "deploy/validate.sh: $failures invalid" >&2
  exit 1
fi
echo "deploy/validate.sh: all deployment files valid"
