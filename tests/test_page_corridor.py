"""Corridor profile: one pair with every dataset's view of it, opened by link."""

from tests.test_pages import run_page

PAGE = "pages/corridor.py"


def markdown_texts(app) -> list[str]:
    return [element.value for element in app.markdown]


def test_sri_lanka_to_kuwait_has_every_section_with_sources():
    app = run_page(PAGE, query={"origin": "LKA", "destination": "KWT"})
    assert not app.exception
    assert app.header[0].value == "Sri Lanka → Kuwait"
    headings = markdown_texts(app)
    for expected in [
        "### Money sent home: Kuwait → Sri Lanka",
        "### Agreements between Sri Lanka and Kuwait",
        "### Departures for work: Sri Lanka → Kuwait (reported flow)",
        "### News about Sri Lanka and Kuwait",
    ]:
        assert expected in headings
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["2021 (modelled estimate)"] == "US$ 114.7 M"
    captions = " ".join(caption.value for caption in app.caption)
    assert "Modelled estimates, not reported flows" in captions and "SLBFE" in captions


def test_departures_of_other_origins_with_the_register_as_a_share():
    app = run_page(PAGE, query={"origin": "BGD", "destination": "SAU"})
    assert not app.exception
    headings = markdown_texts(app)
    assert "### Departures for work: Bangladesh → Saudi Arabia (reported flow)" in headings
    assert any(
        text.startswith("- Of all clearances 4 Jun 2023-21 Sep 2026, 57% were to Saudi Arabia") for text in headings
    )
    assert any("**flow**" in text and "**stock**" in text for text in headings)
    nepal = run_page(PAGE, query={"origin": "NPL", "destination": "MYS"})
    periods = nepal.dataframe[-1].value
    assert set(periods["counted"]) == {"labour permits issued (incl. renewals unless stated)"}
    assert "fiscal year" in set(periods["kind_of_period"])


def test_uae_to_india_cost_is_the_published_rpw_figure():
    app = run_page(PAGE, query={"origin": "IND", "destination": "SAU"})
    assert not app.exception
    cost = next(metric for metric in app.metric if metric.label.startswith("Average cost of sending US$200"))
    assert cost.value == "5.45%" and "2020" in cost.label


def test_a_pair_without_data_says_so_in_each_section():
    app = run_page(PAGE, query={"origin": "TLS", "destination": "MNG"})
    assert not app.exception
    infos = " ".join(info.value for info in app.info)
    assert "No data: UN DESA gives no estimate" in infos
    assert "No data: KNOMAD/World Bank give no bilateral estimate" in infos


def test_same_country_twice_and_bad_codes_are_explained():
    same = run_page(PAGE, query={"origin": "NPL", "destination": "NPL"})
    assert not same.exception and any("two different countries" in info.value for info in same.info)
    bad = run_page(PAGE, query={"origin": "<img src=x onerror=alert(1)>", "destination": "ZZZ"})
    assert not bad.exception
    assert bad.header[0].value == "India → United Arab Emirates"
    assert sum("not one of the choices" in info.value for info in bad.info) == 2


def test_a_taiwan_arrangement_says_who_the_parties_are():
    app = run_page(PAGE, query={"origin": "IDN", "destination": "TWN"})
    assert not app.exception
    listed = next(frame.value for frame in app.dataframe if "parties_note" in frame.value.columns)
    assert listed["parties_note"].str.contains("representative offices").all()


def test_an_estimate_carried_forward_is_not_shown_as_no_change():
    app = run_page(PAGE, query={"origin": "NPL", "destination": "MYS"})
    assert not app.exception
    change = next(metric for metric in app.metric if metric.label == "Change since 2020")
    assert change.value == "same estimate carried forward"
    moved = run_page(PAGE, query={"origin": "IND", "destination": "ARE"})
    assert next(metric for metric in moved.metric if metric.label == "Change since 2020").value.startswith(("+", "-"))


def test_cost_continues_with_computed_means_and_knomad_editions_are_not_a_growth_rate():
    import json

    app = run_page(PAGE, query={"origin": "IND", "destination": "SAU"})
    assert not app.exception
    cost = next(json.loads(chart.proto.spec) for chart in app.get("plotly_chart") if "US$200" in chart.proto.spec)
    computed = next(trace for trace in cost["data"] if trace["name"] == "mean of RPW provider quotes, computed")
    assert computed["line"]["dash"] == "dot" and computed["customdata"][0][0] == "2020Q4"
    assert computed["x"][0].startswith("2020-10-01") and computed["x"][-1].startswith("2025-01-01")
    captions = " ".join(caption.value for caption in app.caption)
    assert "the difference between them is not a growth rate" in captions


def test_the_departures_section_offers_its_downloads():
    app = run_page(PAGE, query={"origin": "BGD", "destination": "SAU"})
    assert not app.exception
    keys = [button.key for button in app.get("download_button")]
    assert {"corridor_departures_download_csv", "corridor_departures_download_xlsx"} <= set(keys)


def test_the_cost_chart_spaces_half_years_as_half_years_and_draws_the_5_percent_corridor_line():
    import json

    import pandas as pd

    app = run_page(PAGE, query={"origin": "BGD", "destination": "SAU"})
    assert not app.exception
    cost = next(json.loads(chart.proto.spec) for chart in app.get("plotly_chart") if "US$200" in chart.proto.spec)
    published = cost["data"][0]
    periods = dict(zip(published["customdata"], pd.to_datetime(published["x"])))
    assert (periods["2011Q3"] - periods["2011Q1"]).days == 181  # half-yearly surveys, half a year apart
    assert (periods["2013Q2"] - periods["2013Q1"]).days == 90
    assert cost["layout"]["xaxis"]["type"] == "date"
    lines = {
        annotation["text"]: shape["y0"]
        for annotation, shape in zip(cost["layout"]["annotations"], cost["layout"]["shapes"])
    }
    assert lines == {"5%: SDG 10.c ceiling per corridor": 5.0, "3%: SDG 10.c target (average)": 3.0}


def test_the_profile_says_which_sections_follow_the_revision():
    app = run_page(PAGE, query={"origin": "NPL", "destination": "MYS", "rev": "2020"})
    assert not app.exception
    assert app.metric[0].label == "Migrants, 2020"
    captions = " ".join(caption.value for caption in app.caption)
    assert "the UN DESA revision applies to the migrant stock above only" in captions
    assert "UN DESA 2020 revision" in captions
