"""Refresh the raw published files shipped in data/raw from a newer copy of the project's shared folder.

    python -m data.raw_sync ../shared/sources    # then: python -m data.build && python -m pytest -q

data/raw mirrors the shared folder: ``sources/<dataset>/`` and ``seeds/``. Each folder's MANIFEST.json says
where its files come from (publisher, dataset, URL, licence, how they were obtained; taken from SOURCES.md)
and lists the files the build or the tests read, with the sha256 of each file as shipped. This copies those
files again, gzips the large ones (the readers in data.build.common read either form), and rewrites the
sizes, checksums and copy dates. A dataset folder the manifests do not know yet is copied whole with a
manifest whose facts say "to fill in" (tests/test_raw_files.py fails until a person fills them in from
SOURCES.md); a new file in a known folder is only reported, to be listed under "files" or "not_copied".
"""

import argparse
import datetime
import gzip
import hashlib
import json
import sys
from pathlib import Path

from data.build.common import COMPRESSED_SUFFIX, RAW_DIR

RAW_ROOT = RAW_DIR.parent
MANIFEST = "MANIFEST.json"
# Files above this size are shipped gzipped: the two UN DESA stock files alone are 10 MB as published.
COMPRESS_ABOVE_BYTES = 1024 * 1024
FACTS = ["dataset", "publisher", "url", "licence", "obtained", "described_in"]
TO_FILL_IN = "to fill in from SOURCES.md"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def shipped_bytes(published: bytes) -> tuple[bytes, bool]:
    """The bytes to ship and whether they are gzipped (fixed header: the same input gives the same file)."""
    if len(published) > COMPRESS_ABOVE_BYTES:
        return gzip.compress(published, compresslevel=9, mtime=0), True
    return published, False


def read_manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def write_manifest(folder: Path, manifest: dict) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def manifest_folders(raw_root: Path = RAW_ROOT) -> list[Path]:
    return sorted(path.parent for path in raw_root.rglob(MANIFEST))


def copy_file(source: Path, target_folder: Path, entry: dict, today: str) -> dict:
    """Ship ``source`` into ``target_folder`` and return its manifest entry (dates kept if nothing changed)."""
    published = source.read_bytes()
    data, compressed = shipped_bytes(published)
    name = source.name + COMPRESSED_SUFFIX if compressed else source.name
    for stale in {source.name, source.name + COMPRESSED_SUFFIX} - {name}:
        (target_folder / stale).unlink(missing_ok=True)
    (target_folder / name).write_bytes(data)
    unchanged = entry.get("published_sha256") == sha256(published)
    return {
        "file": name,
        "published_as": source.name,
        "bytes": len(data),
        "sha256": sha256(data),
        "published_bytes": len(published),
        "published_sha256": sha256(published),
        "copied_on": entry["copied_on"] if unchanged and "copied_on" in entry else today,
    }


def sync_folder(source_folder: Path, target_folder: Path, today: str) -> list[str]:
    """Copy the files ``target_folder``'s manifest lists; return notes on anything a person must look at."""
    manifest = read_manifest(target_folder)
    notes = []
    entries = []
    for entry in manifest["files"]:
        source = source_folder / entry["published_as"]
        if not source.is_file():
            notes.append(f"{source}: listed in {target_folder / MANIFEST} but not found; kept the shipped copy")
            entries.append(entry)
            continue
        entries.append(copy_file(source, target_folder, entry, today))
    manifest["files"] = entries
    known = {entry["published_as"] for entry in entries} | set(manifest.get("not_copied", {}))
    for path in sorted(source_folder.iterdir()):
        if path.is_file() and path.name not in known:
            notes.append(
                f"{path}: new, not copied; list it under 'files' or 'not_copied' in {target_folder / MANIFEST}"
            )
    write_manifest(target_folder, manifest)
    return notes


def add_dataset(source_folder: Path, target_folder: Path, today: str) -> list[str]:
    """A dataset folder no manifest knows: copy it whole, with a manifest whose facts a person fills in."""
    target_folder.mkdir(parents=True)
    manifest = {fact: TO_FILL_IN for fact in FACTS}
    manifest["copied_from"] = f"shared/sources/{source_folder.name}"
    manifest["files"] = [{"published_as": path.name} for path in sorted(source_folder.iterdir()) if path.is_file()]
    write_manifest(target_folder, manifest)
    sync_folder(source_folder, target_folder, today)
    return [f"{target_folder}: new dataset copied; fill in its {MANIFEST} facts from SOURCES.md"]


def sync(shared_sources: Path, raw_root: Path = RAW_ROOT, today: str | None = None) -> list[str]:
    """Refresh ``raw_root`` (holding sources/ and seeds/) from ``shared_sources`` and the seeds/ beside it."""
    today = today or datetime.date.today().isoformat()
    shared_root = shared_sources.parent
    notes = []
    for target_folder in manifest_folders(raw_root):
        relative = target_folder.relative_to(raw_root)
        source_folder = (
            shared_sources.joinpath(*relative.parts[1:]) if relative.parts[0] == "sources" else (shared_root / relative)
        )
        if not source_folder.is_dir():
            notes.append(f"{source_folder}: not found; kept the shipped copy of {relative}")
            continue
        notes += sync_folder(source_folder, target_folder, today)
    sources_manifest = read_manifest(raw_root / "sources")
    for folder in sorted(path for path in shared_sources.iterdir() if path.is_dir()):
        target_folder = raw_root / "sources" / folder.name
        if not target_folder.exists() and folder.name not in sources_manifest.get("not_copied", {}):
            notes += add_dataset(folder, target_folder, today)
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shared_sources", type=Path, help="the shared sources folder (seeds/ is read beside it)")
    args = parser.parse_args(argv)
    if not (args.shared_sources / "SOURCES.md").is_file():
        print(f"error: {args.shared_sources} has no SOURCES.md; pass the shared sources folder", file=sys.stderr)
        return 2
    for note in sync(args.shared_sources):
        print(note)
    print(f"Refreshed {RAW_ROOT}. Next: python -m data.build, then the tests; commit data/raw and data/tables.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
