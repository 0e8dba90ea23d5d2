"""Checks a rendered kustomization (multi-document YAML) for what the deployment promises.

Usage: validate_k8s.py RENDERED.yaml LABEL. Exits 1 listing every problem found.
"""
import sys

import yaml

rendered, label = sys.argv[1], sys.argv[2]
with open(rendered) as f:
    docs = [d for d in yaml.safe_load_all(f) if d]
problems = []
by_kind = {}
for doc in docs:
    by_kind.setdefault(doc.get("kind"), []).append(doc)

for kind in ["Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceAccount"]:
    if kind not in by_kind:
        problems.append(f"no {kind}")
if "Secret" in by_kind:
    problems.append("a Secret is rendered: secrets are referenced, never committed")

for deployment in by_kind.get("Deployment", []):
    spec = deployment["spec"]["template"]["spec"]
    pod_security = spec.get("securityContext", {})
    if not pod_security.get("runAsNonRoot"):
        problems.append("pod securityContext.runAsNonRoot is not true")
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    for container in spec["containers"]:
        name = container["name"]
        for probe in ["readinessProbe", "livenessProbe"]:
            if probe not in container:
                problems.append(f"{name}: no {probe}")
        if container.get("readinessProbe", {}).get("httpGet", {}).get("path") != "/actuator/health/readiness":
            problems.append(f"{name}: readiness probe is not /actuator/health/readiness")
        if container.get("livenessProbe", {}).get("httpGet", {}).get("path") != "/actuator/health/liveness":
            problems.append(f"{name}: liveness probe is not /actuator/health/liveness")
        resources = container.get("resources", {})
        if not resources.get("requests") or not resources.get("limits"):
            problems.append(f"{name}: resources need requests and limits")
        security = container.get("securityContext", {})
        if not security.get("readOnlyRootFilesystem"):
            problems.append(f"{name}: root filesystem is not read-only")
        if security.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{name}: allowPrivilegeEscalation is not false")
        mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
        if "emptyDir" not in volumes.get(mounts.get("/tmp"), {}):
            problems.append(f"{name}: /tmp is not an emptyDir")
        for env in container.get("env", []):
            if "value" in env and any(word in env["name"] for word in ("KEY", "SECRET", "PASSWORD", "URI")):
                problems.append(f"{name}: {env['name']} has a literal value; use a secretKeyRef")
        env_names = {e["name"] for e in container.get("env", [])}
        for required in ["MONGODB_URI", "ROUNDTABLE_LEDGER_MASTERKEY"]:
            if required not in env_names:
                problems.append(f"{name}: {required} is not set from a Secret")

for config in by_kind.get("ConfigMap", []):
    data = config.get("data", {})
    if data.get("AXONIQ_UPDATE_CHECKER_DISABLED") != "true":
        problems.append(f"ConfigMap {config['metadata']['name']}: AXONIQ_UPDATE_CHECKER_DISABLED is not true")

for problem in problems:
    print(f"{label}: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
