"""The server's own limits, as .streamlit/config.toml sets them: checked against a running server, not the browser.

- server.allowedHosts: a websocket whose Host is not this machine (DNS rebinding) is refused; a deployment names its
  hosts in STREAMLIT_SERVER_ALLOWED_HOSTS (deploy/README.md).
- server.maxUploadSize: an upload over 1 MB is refused by the server before it is held in memory, whatever the
  browser's widget allows (a request can be sent without the browser).
- client.showErrorDetails: no traceback or server path reaches a browser.
"""

import asyncio
import socket
import tomllib
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from data.news import MAX_USER_FILE_BYTES
from tests.e2e.server import REPO, start_streamlit, stop_streamlit

CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
ALLOWED_HOSTS_VARIABLE = "STREAMLIT_SERVER_ALLOWED_HOSTS"


@pytest.fixture(scope="module")
def server():
    process, base_url = start_streamlit(REPO / "app.py")
    yield base_url
    stop_streamlit(process)


def _port(base_url: str) -> int:
    return int(base_url.rsplit(":", 1)[1])


def websocket_status(port: int, host: str) -> str:
    """The status line the server answers a websocket handshake with, for this Host header."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            (
                f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\n"
                "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        return connection.recv(200).split(b"\r\n")[0].decode()


def test_config_sets_the_limits():
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_USER_FILE_BYTES  # the largest file a user adds
    assert CONFIG["server"]["allowedHosts"] == ["localhost", "127.0.0.1", "::1"]
    assert CONFIG["client"]["showErrorDetails"] == "none"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.evil.example", "localhost.evil"])
def test_websocket_from_another_host_is_refused(server, host):
    port = _port(server)
    assert "403" in websocket_status(port, host.format(port=port))


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}"])
def test_websocket_from_this_machine_is_accepted(server, host):
    port = _port(server)
    assert "101" in websocket_status(port, host.format(port=port))


def test_a_deployment_names_its_hosts_in_the_environment(monkeypatch):
    monkeypatch.setenv(ALLOWED_HOSTS_VARIABLE, "dashboard.example.org 127.0.0.1")
    process, base_url = start_streamlit(REPO / "app.py")
    try:
        port = _port(base_url)
        assert "101" in websocket_status(port, "dashboard.example.org")
        assert "403" in websocket_status(port, "evil.example")
        assert "403" in websocket_status(port, f"localhost:{port}")  # the variable replaces the default
    finally:
        stop_streamlit(process)


def upload_status(base_url: str, size: int) -> int:
    """Send a file of ``size`` bytes straight to the upload endpoint of a live session, as a script would."""

    async def with_session() -> int:
        async with websockets.connect(f"ws://127.0.0.1:{_port(base_url)}/_stcore/stream", max_size=None) as stream:
            rerun = BackMsg()
            rerun.rerun_script.query_string = ""
            await stream.send(rerun.SerializeToString())
            session_id = None
            while session_id is None:
                message = ForwardMsg()
                message.ParseFromString(await asyncio.wait_for(stream.recv(), 60))
                if message.WhichOneof("type") == "new_session":
                    session_id = message.new_session.initialize.session_id
            return await asyncio.to_thread(_put, base_url, session_id, size)

    # A thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, with_session()).result()


def _put(base_url: str, session_id: str, size: int) -> int:
    http = requests.Session()
    http.get(f"{base_url}/_stcore/health", timeout=30)  # sets the XSRF cookie the upload must echo
    body = b'{"scenes": [' + b" " * size + b"]}"
    response = http.put(
        f"{base_url}/_stcore/upload_file/{session_id}/{uuid.uuid4()}",
        headers={"X-Xsrftoken": http.cookies.get("_streamlit_xsrf")},
        files={"file": ("scenes.json", body, "application/json")},
        timeout=60,
    )
    return response.status_code


def test_an_upload_over_the_limit_is_refused_by_the_server(server):
    assert upload_status(server, 20 * 1024 * 1024) == 413  # 20 MB: the body swapped in past the browser's check
    assert upload_status(server, MAX_USER_FILE_BYTES + 1024) == 413
    assert upload_status(server, 50_000) == 204  # a real scenes file still loads
