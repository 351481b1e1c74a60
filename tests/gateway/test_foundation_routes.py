"""The gateway's shared behaviour: mounts, health, request ids, routing errors, the projects chain."""

from __future__ import annotations

from tests.conftest import gateway_client


async def test_root_answers_on_both_mounts_with_and_without_slash(client):
    for path in ("/api/v1", "/api/v1/", "/api", "/api/"):
        r = await client.get(path)
        assert r.status_code == 200, path
        assert r.json()["message"] == "Storyboard API is running"
    assert (await client.get("/api/v1/")).headers["x-api-version"] == "v1"
    assert (await client.get("/api/")).headers["x-api-version"] == "legacy"


async def test_health_reports_every_service_up(client, mount):
    r = await client.get(f"{mount}/health")
    body = r.json()
    assert r.status_code == 200
    assert body["status"] == "healthy"
    assert set(body["components"]) == {"projects", "comfyui", "generation", "media"}
    assert all(c["status"] == "up" for c in body["components"].values())
    assert body["timestamp"].endswith("Z")


async def test_health_and_readyz_report_a_stopped_service_down(stack):
    async with gateway_client(stack, health_timeout_s=0.5) as client:
        await stack.services["media"].server.stop(None)
        health = await client.get("/api/v1/health")
        assert health.status_code == 200
        assert health.json()["status"] == "unhealthy"
        assert health.json()["components"]["media"]["status"] == "down"
        assert health.json()["components"]["projects"]["status"] == "up"
        assert (await client.get("/readyz")).status_code == 503
        assert (await client.get("/healthz")).json() == {"status": "ok"}


async def test_request_id_is_kept_when_safe_and_replaced_when_not(client):
    kept = await client.get("/api/v1/", headers={"X-Request-ID": "abc.123:x-y"})
    assert kept.headers["x-request-id"] == "abc.123:x-y"
    replaced = await client.get("/api/v1/", headers={"X-Request-ID": "bad id with spaces"})
    assert replaced.headers["x-request-id"] != "bad id with spaces"
    assert len(replaced.headers["x-request-id"]) == 36


async def test_request_id_reaches_error_bodies(client, mount):
    r = await client.get(f"{mount}/projects/missing", headers={"X-Request-ID": "trace-1"})
    assert r.status_code == 404
    assert r.headers["x-request-id"] == "trace-1"
    assert r.json() == {"detail": {"error": "Project with ID 'missing' not found", "error_code": "RESOURCE_NOT_FOUND",
                                   "status_code": 404,
                                   "details": {"resource_type": "Project", "resource_id": "missing"}},
                        "request_id": "trace-1"}


async def test_unknown_route_and_wrong_method_get_typed_errors(client, mount):
    r = await client.get(f"{mount}/no/such/route")
    assert r.status_code == 404
    assert r.json()["detail"]["error_code"] == "ROUTE_NOT_FOUND"
    r = await client.delete(f"{mount}/projects")
    assert r.status_code == 405
    assert r.json()["detail"]["error_code"] == "METHOD_NOT_ALLOWED"
    assert r.headers["x-request-id"]


async def test_schema_violation_is_fastapi_422_with_request_id(client, mount):
    r = await client.post(f"{mount}/projects", json={"name": ""})
    assert r.status_code == 422
    body = r.json()
    assert body["detail"][0]["loc"] == ["body", "name"]
    assert body["request_id"] == r.headers["x-request-id"]


async def test_created_project_is_read_back_through_grpc_and_store(client, mount):
    created = await client.post(f"{mount}/projects", json={"name": "Video", "description": "d", "id": "ignored",
                                                           "unknown": 1})
    assert created.status_code == 200
    project = created.json()
    assert project["id"] != "ignored"
    assert project["created_at"].endswith("Z") and len(project["created_at"]) == 24
    fetched = await client.get(f"{mount}/projects/{project['id']}")
    assert fetched.json() == project


async def test_project_list_is_an_array_on_legacy_and_an_object_on_v1(client):
    ids = [(await client.post("/api/v1/projects", json={"name": f"P{i}"})).json()["id"] for i in range(3)]
    legacy = await client.get("/api/projects", params={"limit": 2})
    assert [p["id"] for p in legacy.json()] == ids[::-1][:2]  # newest first
    assert legacy.headers["x-total-count"] == "3"
    assert 'rel="next"' in legacy.headers["link"] and "offset=2" in legacy.headers["link"]
    last = await client.get("/api/projects/", params={"limit": 2, "offset": 2})
    assert [p["id"] for p in last.json()] == [ids[0]]
    assert "link" not in last.headers
    v1 = (await client.get("/api/v1/projects")).json()
    assert v1["total"] == 3
    assert [p["id"] for p in v1["projects"]] == ids[::-1]


async def test_cors_preflight_allows_the_dev_frontend(client):
    r = await client.options("/api/v1/projects", headers={
        "Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "X-Request-ID, Content-Type"})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert r.headers["access-control-allow-credentials"] == "true"
    assert r.headers["access-control-max-age"] == "600"
    refused = await client.options("/api/v1/projects", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in refused.headers


async def test_backend_down_gives_typed_503_naming_no_internals(stack):
    async with gateway_client(stack, grpc_timeout_s=1.0) as client:
        await stack.services["projects"].server.stop(None)
        r = await client.get("/api/v1/projects/x")
        assert r.status_code == 503
        assert r.json()["detail"]["error_code"] == "SERVICE_UNAVAILABLE"
        assert "ipv4" not in r.text.lower() and "grpc" not in r.text.lower()


async def test_openapi_lists_each_route_once(client):
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert "/api/v1/projects" in paths
    assert not any(p.startswith("/api/projects") for p in paths)
