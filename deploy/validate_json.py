"""JSON validity and structure of the Grafana dashboard and the Keycloak realm import. Exits 1 on any problem."""
import json
import re
import sys
from pathlib import Path

deploy = Path(__file__).resolve().parent
problems = []


def load(path):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError) as error:
        problems.append(f"{path}: {error}")
        return None


dashboards = sorted((deploy / "grafana" / "dashboards").glob("*.json"))
if not dashboards:
    problems.append("no Grafana dashboard in deploy/grafana/dashboards")
for path in dashboards:
    dashboard = load(path)
    if dashboard is None:
        continue
    panels = [p for p in dashboard.get("panels", []) if p.get("type") != "row"]
    if not dashboard.get("uid") or not panels:
        problems.append(f"{path}: needs a uid and panels")
    ids = [p.get("id") for p in dashboard.get("panels", [])]
    if len(ids) != len(set(ids)):
        problems.append(f"{path}: duplicate panel ids")
    exprs = " ".join(t.get("expr", "") for p in panels for t in p.get("targets", []))
    for metric in ["commandBus_successCounter_total", "commandBus_failureCounter_total", "eventStore_ingestedCounter_total",
                   "eventProcessor_latency", "eventProcessor_failureCounter_total", "http_server_requests_seconds_bucket",
                   "jvm_memory_used_bytes"]:
        if metric not in exprs:
            problems.append(f"{path}: no panel shows {metric}")
    for panel in panels:
        for target in panel.get("targets", []):
            expr = target.get("expr", "")
            if expr.count("(") != expr.count(")") or expr.count("{") != expr.count("}"):
                problems.append(f"{path}: unbalanced query in panel {panel.get('title')!r}: {expr}")

realm_path = deploy / "keycloak" / "roundtable-realm.json"
realm = load(realm_path)
if realm is not None:
    text = realm_path.read_text()
    if realm.get("realm") != "roundtable":
        problems.append(f"{realm_path}: realm must be 'roundtable' (Keycloak imports <realm>-realm.json)")
    roles = {r["name"] for r in realm.get("roles", {}).get("realm", [])}
    missing = {"admin", "staff", "auditor", "chair", "operator"} - roles
    if missing:
        problems.append(f"{realm_path}: realm roles missing: {sorted(missing)}")
    clients = {c["clientId"]: c for c in realm.get("clients", [])}
    for tenant in ["kent", "krefeld", "darmstadt"]:
        client = clients.get(f"roundtable-{tenant}")
        if client is None:
            problems.append(f"{realm_path}: no client roundtable-{tenant}")
            continue
        mappers = {m["name"]: m for m in client.get("protocolMappers", [])}
        tenant_mapper = mappers.get("tenant_id", {})
        if tenant_mapper.get("protocolMapper") != "oidc-hardcoded-claim-mapper" \
                or tenant_mapper.get("config", {}).get("claim.value") != tenant:
            problems.append(f"{realm_path}: roundtable-{tenant} lacks a hard-coded tenant_id={tenant} claim")
        if mappers.get("roles", {}).get("config", {}).get("claim.name") != "roles":
            problems.append(f"{realm_path}: roundtable-{tenant} does not map realm roles into 'roles'")
        if not re.fullmatch(r"\$\{[A-Z0-9_]+\}", client.get("secret", "")):
            problems.append(f"{realm_path}: roundtable-{tenant}'s secret is not an environment placeholder")
    for user in realm.get("users", []):
        for credential in user.get("credentials", []):
            if not re.fullmatch(r"\$\{[A-Z0-9_]+\}", credential.get("value", "")):
                problems.append(f"{realm_path}: user {user.get('username')} has a literal credential")
    unknown = set(re.findall(r"\$\{([^}]*)\}", text)) - {v for v in re.findall(r"\$\{([A-Z0-9_]+)\}", text)}
    if unknown:
        problems.append(f"{realm_path}: placeholders Keycloak would try to resolve: {sorted(unknown)}")
    example = (deploy / ".env.example").read_text()
    for variable in sorted(set(re.findall(r"\$\{([A-Z0-9_]+)\}", text))):
        if not re.search(rf"^{variable}=", example, re.M):
            problems.append(f"{realm_path}: {variable} is not documented in deploy/.env.example")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
