"""The first-view transfer checks (bench/transfer.py) that deploy/verify.sh relies on, on hand-made responses."""

from bench.browser import PageView, Response
from bench.transfer import Transfer, format_table, recipe_problems, summarize

YEAR = "public, max-age=31536000, immutable"


def response(
    path: str, content_type: str, *, size: int = 50_000, encoding: str | None = "gzip", cache_control: str = "no-cache"
) -> Response:
    headers = {"content-type": content_type, "cache-control": cache_control}
    if encoding:
        headers["content-encoding"] = encoding
    else:
        headers["content-length"] = str(size)
    return Response(f"http://127.0.0.1:8080{path}", size, headers)


def test_a_compressed_and_well_cached_view_has_no_problems():
    responses = [
        response("/corridors", "text/html; charset=utf-8"),
        response("/static/js/index.DormvYxC.js", "application/javascript", cache_control=YEAR),
        response("/static/css/index.B1Zx.css", "text/css", cache_control=YEAR),
        response("/static/media/font.Ab12.woff2", "font/woff2", encoding=None, cache_control=YEAR),
        response("/app/static/countries.geojson", "application/geo+json"),
        response("/_stcore/host-config", "application/json", size=600, encoding=None),
    ]
    assert recipe_problems(responses) == []


def test_text_sent_uncompressed_is_a_problem_unless_it_is_tiny():
    problems = recipe_problems(
        [
            response(
                "/static/js/plotly.Xy9.js", "application/javascript", size=4_700_000, encoding=None, cache_control=YEAR
            ),
            response("/app/static/countries.geojson", "application/geo+json", size=321_484, encoding=None),
            response("/_stcore/health", "text/plain", size=2, encoding=None),
        ]
    )
    assert problems == [
        "/static/js/plotly.Xy9.js (application/javascript, 4700000 bytes) sent uncompressed",
        "/app/static/countries.geojson (application/geo+json, 321484 bytes) sent uncompressed",
    ]


def test_hashed_assets_must_be_cached_for_a_year_and_the_page_revalidated():
    problems = recipe_problems(
        [
            response("/static/js/index.DormvYxC.js", "application/javascript", cache_control="max-age=3600"),
            response("/static/media/logo.Qq1.svg", "image/svg+xml", cache_control=""),
            response("/", "text/html", cache_control="max-age=600"),
        ]
    )
    assert problems == [
        "/static/js/index.DormvYxC.js not cached for a year (Cache-Control: max-age=3600)",
        "/static/media/logo.Qq1.svg not cached for a year (Cache-Control: none)",
        "/ (the page) cacheable without revalidation (Cache-Control: max-age=600)",
    ]


def test_summarize_takes_medians_over_views():
    views = [
        PageView(1.0, websocket_bytes=ws, http_bytes=http, app_static_bytes=0, responses=[None] * count)
        for ws, http, count in [(10, 3_000, 40), (30, 1_000, 42), (20, 2_000, 41)]
    ]
    assert summarize("news", views) == Transfer("news", http_bytes=2_000, websocket_bytes=20, requests=41)
    assert summarize("news", views).total_bytes == 2_020


def test_the_table_has_a_line_per_page_with_each_route():
    table = format_table(
        {"direct": [Transfer("news", 12_900_000, 100_000, 155)], "nginx": [Transfer("news", 3_400_000, 100_000, 155)]}
    )
    header, line = table.splitlines()
    assert header.split()[:4] == ["page", "direct", "MB", "direct"]
    assert line.split() == ["news", "13.00", "(12.90", "+", "0.10)", "155", "3.50", "(3.40", "+", "0.10)", "155"]
