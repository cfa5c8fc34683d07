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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_streamlit(
    script_path: str | Path, port: int | None = None, extra_args: Sequence[str] = ()
) -> tuple[subprocess.Popen, str]:
    """Run `streamlit run script_path` from the repo root (so .streamlit/config.toml applies); wait until healthy."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script_path),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        *extra_args,
    ]  # fmt: skip
    # A file, not a pipe: nobody reads the output while the server runs, and a full pipe would block it.
    output = tempfile.TemporaryFile("w+")
    process = subprocess.Popen(command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, text=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(process, base_url)
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


def _wait_until_healthy(process: subprocess.Popen, base_url: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Streamlit exited with code {process.returncode} before answering {base_url}.")
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Streamlit did not answer ok at {base_url}/_stcore/health within {STARTUP_TIMEOUT_SECONDS} s.")
