"""The URL policy against server-side request forgery (contract 3.10), at registration and at connect time."""

from __future__ import annotations

import httpx
import pytest
from comfyui_service.guarded_http import guarded_client, is_policy_refusal
from comfyui_service.url_policy import UrlPolicy, UrlRefusedError, parse_server_url

from tests.fakes.comfyui import FakeComfyUI


def resolver_for(table: dict[str, list[str]]):
    """A fake DNS: the remote thing here is the resolver."""
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError("name does not resolve")
        return table[host]
    return resolve


@pytest.mark.parametrize(("raw", "normalised"), [
    ("HTTP://GPU.Example.COM:8188/", "http://gpu.example.com:8188"),
    ("https://gpu.example.com:443/comfy//", "https://gpu.example.com/comfy"),
    ("http://gpu.example.com:80", "http://gpu.example.com"),
    ("http://[2001:DB8::1]:8188/", "http://[2001:db8::1]:8188"),
    ("http://gpu.example.com./Path/Keeps/Case", "http://gpu.example.com/Path/Keeps/Case"),
    ("http://Bücher.example/", "http://xn--bcher-kva.example"),
])
def test_urls_are_normalised(raw, normalised):
    assert parse_server_url(raw).url == normalised


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data", "http://169.254.0.1:8188", "http://[fe80::1]:8188",
    "http://[fd00:ec2::254]/", "http://[::ffff:169.254.169.254]/", "http://100.100.100.200/",
    "http://metadata.google.internal/", "http://METADATA.google.internal./", "http://metadata/",
    "http://instance-data.ec2.internal/", "http://0.0.0.0:8188", "http://224.0.0.1/",
    "http://2852039166/", "http://0xa9fea9fe/", "http://169.254.43518/", "http://0251.0376.0251.0376/",
    "http://１６９.２５４.１６９.２５４/", "http://host:0/",
])
async def test_link_local_metadata_and_obfuscated_addresses_are_always_refused(url):
    policy = UrlPolicy(allowed_hosts=["*.internal", "169.254.0.0/16", "metadata"], resolver=resolver_for({}))
    with pytest.raises(UrlRefusedError) as caught:
        await policy.check_url(parse_server_url(url))
    assert caught.value.reason == "VALIDATION_ERROR"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8188", "http://localhost:8188", "http://10.1.2.3:8188",
                                 "http://192.168.1.20:8188", "http://172.20.0.5:8188", "http://[::1]:8188",
                                 "http://100.64.0.7:8188", "http://gpu.lan:8188"])
async def test_loopback_and_private_lan_addresses_are_allowed_by_default(url):
    policy = UrlPolicy(resolver=resolver_for({"localhost": ["127.0.0.1"], "gpu.lan": ["192.168.1.9"]}))
    await policy.check_url(parse_server_url(url))


@pytest.mark.parametrize("url", ["http://127.0.0.1:8188", "http://localhost:8188", "http://10.1.2.3:8188",
                                 "http://[::1]:8188", "http://[fd12::1]:8188", "http://gpu.lan:8188"])
async def test_block_private_refuses_loopback_and_lan_addresses(url):
    policy = UrlPolicy(block_private=True, resolver=resolver_for({"gpu.lan": ["192.168.1.9"]}))
    with pytest.raises(UrlRefusedError):
        await policy.check_url(parse_server_url(url))


async def test_a_name_that_resolves_to_a_metadata_address_is_refused_at_registration():
    policy = UrlPolicy(resolver=resolver_for({"innocent.example.com": ["93.184.216.34", "169.254.169.254"]}))
    with pytest.raises(UrlRefusedError):
        await policy.check_url(parse_server_url("http://innocent.example.com:8188"))


async def test_a_name_that_does_not_resolve_yet_is_accepted():
    policy = UrlPolicy(resolver=resolver_for({}))
    await policy.check_url(parse_server_url("http://not-yet-in-dns.example.com:8188"))


async def test_allow_list_narrows_to_names_wildcards_and_networks():
    policy = UrlPolicy(allowed_hosts=["gpu-1.lan", "*.farm.example.com", "10.0.0.0/8"],
                       resolver=resolver_for({}))
    for ok in ("http://gpu-1.lan", "http://a.farm.example.com", "http://10.9.9.9:8188"):
        await policy.check_url(parse_server_url(ok))
    for refused in ("http://gpu-2.lan", "http://farm.example.com.evil.net", "http://192.168.0.2"):
        with pytest.raises(UrlRefusedError):
            await policy.check_url(parse_server_url(refused))


async def test_allow_list_setting_is_a_comma_separated_string():
    policy = UrlPolicy.from_setting(" gpu-1.lan , 10.0.0.0/8 ", False, resolver=resolver_for({}))
    await policy.check_url(parse_server_url("http://10.0.0.1"))
    with pytest.raises(UrlRefusedError):
        await policy.check_url(parse_server_url("http://gpu-2.lan"))


async def test_guarded_client_refuses_to_connect_when_dns_now_points_at_metadata():
    """DNS rebinding: accepted at registration, the name later resolves to 169.254.169.254."""
    policy = UrlPolicy(resolver=resolver_for({"rebinding.example.com": ["169.254.169.254"]}))
    async with guarded_client(policy, timeout_s=2.0) as http:
        with pytest.raises(httpx.ConnectError) as caught:
            await http.get("http://rebinding.example.com:8188/system_stats")
    assert is_policy_refusal(caught.value)


async def test_guarded_client_connects_to_the_checked_address_of_an_allowed_name():
    async with FakeComfyUI() as fake:
        policy = UrlPolicy(resolver=resolver_for({"comfy.test": ["127.0.0.1"]}))
        async with guarded_client(policy, timeout_s=2.0) as http:
            response = await http.get(f"http://comfy.test:{fake.port}/system_stats")
    assert response.status_code == 200
    assert fake.requests[-1].headers["host"] == f"comfy.test:{fake.port}"  # the name, not the address


async def test_guarded_client_honours_block_private_at_connect_time():
    async with FakeComfyUI() as fake:
        async with guarded_client(UrlPolicy(block_private=True), timeout_s=2.0) as http:
            with pytest.raises(httpx.ConnectError) as caught:
                await http.get(f"{fake.url}/system_stats")
    assert is_policy_refusal(caught.value)
    assert fake.requests == []
