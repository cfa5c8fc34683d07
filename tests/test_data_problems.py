"""A broken or missing table gives a DataProblem naming file, line and column; the files are never changed."""

import csv
import hashlib
import io

import pytest

from data import DataProblem, load_corridors, load_countries, load_deployments, load_sources


def digest(folder) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


def rewrite_line(path, line_number: int, transform) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line_number - 1] = transform(lines[line_number - 1])
    path.write_text("".join(lines), encoding="utf-8")


def replace_field(path, line_number: int, column: str, value: str) -> None:
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8").splitlines()[0])))
    position = header.index(column)

    def change(line: str) -> str:
        fields = next(csv.reader(io.StringIO(line)))
        fields[position] = value
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(fields)
        return out.getvalue()

    rewrite_line(path, line_number, change)


def repeat_line(path, line_index: int) -> None:
    """Append a copy of the file's line ``line_index`` (0: the header): a row whose key is already there."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[line_index]]), encoding="utf-8")


def problem_for(loader, **kwargs) -> DataProblem:
    with pytest.raises(DataProblem) as caught:
        loader(**kwargs)
    return caught.value


def test_missing_file_is_named(tables_copy):
    (tables_copy / "corridors.csv").unlink()
    problem = problem_for(load_corridors)
    assert problem.path.name == "corridors.csv" and "missing" in str(problem)


def test_non_utf8_file(tables_copy):
    path = tables_copy / "countries.csv"
    path.write_bytes(path.read_bytes()[:500] + b"\xff\xfe\xfa" + path.read_bytes()[500:])
    assert "UTF-8" in str(problem_for(load_countries))


def test_empty_file(tables_copy):
    (tables_copy / "sources.csv").write_text("", encoding="utf-8")
    assert "empty" in str(problem_for(load_sources))


def test_truncated_file_loses_required_columns(tables_copy):
    path = tables_copy / "deployments.csv"
    path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")
    problem = problem_for(load_deployments)
    assert problem.line == 1 and "missing" in str(problem)


def test_wrong_type_names_line_and_column(tables_copy):
    replace_field(tables_copy / "corridors.csv", 10, "female", "many")
    problem = problem_for(load_corridors)
    assert (problem.line, problem.column) == (10, "female")


def test_total_not_female_plus_male(tables_copy):
    replace_field(tables_copy / "corridors.csv", 7, "total", "1")
    problem = problem_for(load_corridors, revision=2024)
    assert problem.line == 7 and "total = female + male" in str(problem)


def test_unknown_iso3_code(tables_copy):
    replace_field(tables_copy / "corridors.csv", 5, "orig_iso3", "ZZZ")
    problem = problem_for(load_corridors)
    assert (problem.line, problem.column) == (5, "orig_iso3") and "countries table" in str(problem)


def test_duplicate_key(tables_copy):
    repeat_line(tables_copy / "countries.csv", 3)
    assert problem_for(load_countries).column == "iso3"


def test_unknown_source_id(tables_copy):
    replace_field(tables_copy / "deployments.csv", 3, "source_id", "nowhere")
    assert problem_for(load_deployments).column == "source_id"


def test_loading_never_changes_the_files(tables_copy):
    before = digest(tables_copy)
    replace_field(tables_copy / "corridors.csv", 4, "male", "-3")
    broken = digest(tables_copy)
    problem_for(load_corridors)
    load_countries()
    assert digest(tables_copy) == broken != before
