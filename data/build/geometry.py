"""Country shapes for the maps: Natural Earth 50m admin-0, simplified, keyed by the UN DESA codes.

Natural Earth's ``ADM0_A3`` differs from the codes of the UN DESA / IOM lookup for a few units. The
differences are found by comparing with the lookup (``ADM0_A3`` first, then Natural Earth's own
``ISO_A3``); only Kosovo (Natural Earth ``KOS``, ``ISO_A3`` = -99) needs an explicit entry. Units that
match no lookup code at all (e.g. N. Cyprus, Somaliland, Siachen Glacier) keep their Natural Earth code.
"""

import json
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

from data.build.common import read_raw_csv, read_raw_text

NATURAL_EARTH_50M = "geometry/ne_50m_admin_0_countries.geojson"
LOOKUP = "undesa_ims/country_codes_lookup.csv"

# Natural Earth codes whose lookup code cannot be derived from the file (no ISO_A3 given).
EXPLICIT_CODES = {"KOS": "XKX"}  # Kosovo: the lookup (like the World Bank) uses the user-assigned XKX
DROPPED = {"ATA"}  # Antarctica: no migrant stock, and its polygons are large

# Simplification: tolerance in degrees, then coordinates snapped to a grid of 10**-digits degrees.
# A feature is tried with each step in turn and keeps the first that leaves it recognisable, so tiny
# states (Singapore, Bahrain, Macao, Pacific atolls) fall back to finer steps instead of vanishing.
# Asia and Oceania (the dashboard's focus) keep more detail than the rest of the world.
DETAILED_REGIONS = {"Asia", "Oceania"}
STEPS = {
    True: [(0.04, 2), (0.01, 2), (0.005, 3), (0.0, 4)],
    False: [(0.12, 2), (0.02, 2), (0.005, 3), (0.0, 4)],
}
MIN_PART_AREA = {True: 0.02, False: 0.1}  # sq. degrees; smaller islands of large countries are dropped
LARGE_FEATURE_AREA = 1.0  # square degrees; features below this keep every island
MAX_BYTES = 350_000

NATURAL_EARTH_SOURCE = {
    "source_id": "natural_earth_50m_admin0",
    "publisher": "Natural Earth",
    "dataset": "Admin 0 - Countries, 1:50m cultural vectors",
    "edition": "v4.x (November 2017 build), GeoJSON conversion",
    "year": 2017,
    "url": "https://www.naturalearthdata.com/",
    "licence": 'Public domain ("No permission is needed to use Natural Earth")',
    "citation": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
    "obtained_from": "github.com/martynafford/natural-earth-geojson, 50m/cultural/ne_50m_admin_0_countries.7z, "
    "commit 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e (2024-01-24); values unchanged",
    "notes": "Shapes simplified for the dashboard (shapely simplify with topology preserved, coordinates rounded); "
    "Antarctica dropped. Natural Earth draws de facto boundaries: the boundaries and names shown on the maps do "
    "not imply official endorsement or acceptance by the United Nations, ILO or IOM.",
}

SOURCES = [NATURAL_EARTH_SOURCE]


def read_natural_earth(raw: Path) -> list[dict]:
    """The Natural Earth 50m admin-0 features, as published."""
    return json.loads(read_raw_text(raw / NATURAL_EARTH_50M))["features"]


def read_lookup(raw: Path):
    """The UN DESA / IOM country lookup (iso3, name, region, ...), as published."""
    return read_raw_csv(raw / LOOKUP)


def natural_earth_code_map(features: list[dict], known_codes) -> dict[str, str]:
    """ADM0_A3 -> the code the lookup uses for that unit (the ADM0_A3 itself where nothing matches)."""
    known = set(known_codes)
    adm0_codes = {f["properties"]["ADM0_A3"] for f in features}
    result = {}
    for feature in features:
        props = feature["properties"]
        adm0, iso = props["ADM0_A3"], props.get("ISO_A3")
        if adm0 in known:
            result[adm0] = adm0
        elif iso in known and iso not in adm0_codes:
            result[adm0] = iso
        elif EXPLICIT_CODES.get(adm0) in known:
            result[adm0] = EXPLICIT_CODES[adm0]
        else:
            result[adm0] = adm0
    codes = list(result.values())
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValueError(f"Several Natural Earth units map to the same code: {duplicates}")
    return result


def largest_polygon_centroid(geometry) -> tuple[float, float]:
    """Centroid (planar lon/lat) of the outer ring of the largest polygon: a label point on the main land mass."""
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    largest = max(polygons, key=lambda polygon: polygon.area)
    point = Polygon(largest.exterior).centroid
    return point.x, point.y


def build_country_shapes(raw: Path) -> dict:
    """A GeoJSON FeatureCollection with properties ``iso3`` and ``name``, small enough to ship with the app.

    ``iso3`` is the UN DESA lookup code (Natural Earth's ADM0_A3 where the lookup has no such unit);
    ``name`` is the lookup's name, or Natural Earth's NAME for units the lookup lacks.
    """
    features = read_natural_earth(raw)
    lookup = read_lookup(raw)
    names = dict(zip(lookup["iso3"], lookup["name"]))
    regions = dict(zip(lookup["iso3"], lookup["region"]))
    code_map = natural_earth_code_map(features, names)
    out = []
    for feature in features:
        props = feature["properties"]
        if props["ADM0_A3"] in DROPPED:
            continue
        iso3 = code_map[props["ADM0_A3"]]
        region = regions.get(iso3) if iso3 in names else props.get("REGION_UN")
        geometry = simplify_shape(shape(feature["geometry"]), detailed=region in DETAILED_REGIONS)
        out.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3, "name": names.get(iso3, props["NAME"])},
                "geometry": _rounded(mapping(geometry)),
            }
        )
    out.sort(key=lambda f: f["properties"]["iso3"])
    return {"type": "FeatureCollection", "features": out}


def simplify_shape(geometry, detailed: bool = False):
    """The most simplified version that still looks like the original (tiny states fall back to finer steps)."""
    for tolerance, digits in STEPS[detailed]:
        candidate = geometry
        if geometry.area >= LARGE_FEATURE_AREA:
            candidate = _without_small_islands(candidate, MIN_PART_AREA[detailed])
        if tolerance:
            candidate = shapely.simplify(candidate, tolerance, preserve_topology=True)
        candidate = shapely.set_precision(candidate, 10**-digits)
        if _recognisable(candidate, geometry):
            return candidate
    return geometry


def write_country_shapes(shapes: dict, out_path: Path) -> int:
    """Write compact JSON; returns the number of bytes written."""
    text = json.dumps(shapes, separators=(",", ":"), ensure_ascii=False)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _without_small_islands(geometry, min_area: float):
    if not isinstance(geometry, MultiPolygon):
        return geometry
    kept = [part for part in geometry.geoms if part.area >= min_area]
    return MultiPolygon(kept) if kept else geometry


def _recognisable(candidate, original) -> bool:
    """Not emptied, area within 15%, and small features keep every island."""
    if candidate.is_empty or candidate.geom_type not in ("Polygon", "MultiPolygon"):
        return False
    if abs(candidate.area - original.area) > 0.15 * original.area:
        return False
    if original.area < LARGE_FEATURE_AREA:
        return shapely.get_num_geometries(candidate) >= shapely.get_num_geometries(original)
    return True


def _rounded(value, digits: int = 4):
    """Round coordinates so the JSON holds the snapped values, not binary noise such as 0.30000000000000004."""
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, (list, tuple)):
        return [_rounded(item, digits) for item in value]
    if isinstance(value, dict):
        return {key: _rounded(item, digits) for key, item in value.items()}
    return value
