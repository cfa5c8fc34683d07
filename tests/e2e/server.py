"""Start and stop a headless Streamlit server on a free local port (shared by the browser tests and bench/)."""

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_SECONDS = 60
# What "started" waits for: the server answering, or the script having run once without error as well.
READY_CHECKS = {"health": "/_stcore/health", "script": "/_stcore/script-health-check"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_streamlit(
    script_path: str | Path, port: int | None = None, extra_args: Sequence[str] = (), *, ready: str = "health"
) -> tuple[subprocess.Popen, str]:
    """Run `streamlit run script_path` from the repo root (so .streamlit/config.toml applies); wait until healthy.

    ``ready="script"`` waits, as a deployment's readiness probe does (deploy/), until the script has also run
    once without error (Streamlit's script health check, switched on for this server): the first run imports
    what the script needs, and lets it start warming (data/warm.py) before any visitor arrives."""
    if ready not in READY_CHECKS:
        raise ValueError(f"ready must be one of {sorted(READY_CHECKS)}, not {ready!r}")
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script_path),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        *(["--server.scriptHealthCheckEnabled", "true"] if ready == "script" else []),
        *extra_args,
    ]  # fmt: skip
    # A file, not a pipe: nobody reads the output while the server runs, and a full pipe would block it.
    output = tempfile.TemporaryFile("w+")
    process = subprocess.Popen(command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, text=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(process, base_url, READY_CHECKS[ready])
    except RuntimeError as error:
        stop_streamlit(process)
        output.seek(0)
        raise RuntimeError(f"{error}\ncommand: {' '.join(command)}\nserver output:\n{output.read()}") from None
    return process, base_url


def stop_streamlit(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_healthy(process: subprocess.Popen, base_url: str, check: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Streamlit exited with code {process.returncode} before answering {base_url}.")
        try:
            with urllib.request.urlopen(f"{base_url}{check}", timeout=STARTUP_TIMEOUT_SECONDS) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Streamlit did not answer ok at {base_url}{check} within {STARTUP_TIMEOUT_SECONDS} s.")
