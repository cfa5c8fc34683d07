"""Bytes a first visit transfers, page by page: straight from Streamlit, and through the deploy/ recipe (nginx).

`python -m bench.transfer --direct URL [--proxied URL] [--views N]` views every registered page in fresh browser
contexts (empty cache, as a first-time visitor) until the network is quiet, and counts what arrived: HTTP bytes
as transferred (Chromium's encodedDataLength: headers and bodies as sent, compressed if they were) plus the
websocket's frame payloads (as Chromium reports them, i.e. after any websocket compression is undone: an upper
bound). Medians over --views. Through the recipe it also checks what the recipe promises: text compressed,
Streamlit's hashed files cacheable for a year, index.html revalidated; exit status 1 when a check fails
(deploy/verify.sh relies on it). A page over TARGET_FIRST_VIEW_BYTES through the recipe is reported as a missed
target, not a failure: what a page needs (plotly's, deck.gl's code) is the page's decision, not the recipe's.
"""

import argparse
import re
import statistics
import sys
from dataclasses import dataclass
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

from bench import browser as views
from components.registry import PAGES

TARGET_FIRST_VIEW_BYTES = 4_000_000
HASHED_ASSET = re.compile(r"^/static/(js|css|media)/")
YEAR_SECONDS = 31_536_000
# Bodies worth compressing: text, and the formats the frontend sends as text-like application types.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "application/wasm",
    "image/svg+xml",
)
SMALLEST_COMPRESSED = 1024  # nginx's gzip_min_length: smaller bodies go out as they are


@dataclass(frozen=True)
class Transfer:
    page: str
    http_bytes: float
    websocket_bytes: float
    requests: float

    @property
    def total_bytes(self) -> float:
        return self.http_bytes + self.websocket_bytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.transfer", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--direct", help="a Streamlit server's base URL (e.g. a replica's)")
    parser.add_argument("--proxied", help="the recipe's base URL (nginx)")
    parser.add_argument("--views", type=int, default=3, help="first views per page and route (median)")
    parser.add_argument("--pages", type=lambda text: text.split(","), help="comma-separated url paths (default: all)")
    options = parser.parse_args(argv)
    routes = {name: url for name, url in (("direct", options.direct), ("nginx", options.proxied)) if url}
    if not routes:
        parser.error("give --direct, --proxied or both")
    pages = [page for page in PAGES if not options.pages or page.url_path in options.pages]
    results: dict[str, list[Transfer]] = {route: [] for route in routes}
    problems: list[str] = []
    with sync_playwright() as playwright:
        chromium = views.launch(playwright)
        try:
            for page in pages:
                for route, base_url in routes.items():
                    path = "" if page is PAGES[0] else page.url_path
                    page_views = [
                        views.view_page(chromium, f"{base_url.rstrip('/')}/{path}") for _ in range(options.views)
                    ]
                    results[route].append(summarize(page.url_path, page_views))
                    if route == "nginx":
                        problems += [
                            f"{page.url_path}: {problem}"
                            for problem in sorted({p for view in page_views for p in recipe_problems(view.responses)})
                        ]
        finally:
            chromium.close()
    print(format_table(results))
    missed = [
        f"{result.page}: first view {result.total_bytes / 1e6:.2f} MB through nginx, over the "
        f"{TARGET_FIRST_VIEW_BYTES / 1e6:g} MB target"
        for result in results.get("nginx", [])
        if result.total_bytes > TARGET_FIRST_VIEW_BYTES
    ]
    if missed:
        print("\n".join(["", "Missed targets:", *missed]))
    if problems:
        print("\n".join(["", "Problems:", *problems[:20]]))
        return 1
    return 0


def summarize(page: str, page_views: list[views.PageView]) -> Transfer:
    """Median bytes and requests of a page's first views."""
    return Transfer(
        page,
        statistics.median(view.http_bytes for view in page_views),
        statistics.median(view.websocket_bytes for view in page_views),
        statistics.median(len(view.responses) for view in page_views),
    )


def recipe_problems(responses: list[views.Response]) -> list[str]:
    """What in these responses breaks the recipe's promises: compressible bodies sent uncompressed, Streamlit's
    hashed files not cacheable for a year, other responses (index.html first) cacheable without revalidation."""
    problems = []
    for response in responses:
        path, headers = urlparse(response.url).path, response.headers
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        length = int(headers.get("content-length") or 0) or response.transferred_bytes
        if (
            content_type.startswith(COMPRESSIBLE_TYPES)
            and length > SMALLEST_COMPRESSED
            and headers.get("content-encoding", "identity") == "identity"
        ):
            problems.append(f"{path} ({content_type}, {length} bytes) sent uncompressed")
        cache_control = headers.get("cache-control", "")
        if HASHED_ASSET.match(path):
            if "immutable" not in cache_control or f"max-age={YEAR_SECONDS}" not in cache_control:
                problems.append(f"{path} not cached for a year (Cache-Control: {cache_control or 'none'})")
        elif content_type == "text/html" and "no-cache" not in cache_control:
            problems.append(
                f"{path} (the page) cacheable without revalidation (Cache-Control: {cache_control or 'none'})"
            )
    return problems


def format_table(results: dict[str, list[Transfer]]) -> str:
    routes = list(results)
    header = ["page"] + [f"{route} {what}" for route in routes for what in ("MB", "(http + ws)", "requests")]
    lines = [header]
    for index, first in enumerate(results[routes[0]]):
        line = [first.page]
        for route in routes:
            result = results[route][index]
            line += [
                f"{result.total_bytes / 1e6:.2f}",
                f"({result.http_bytes / 1e6:.2f} + {result.websocket_bytes / 1e6:.2f})",
                f"{result.requests:.0f}",
            ]
        lines.append(line)
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines)


if __name__ == "__main__":
    sys.exit(main())
