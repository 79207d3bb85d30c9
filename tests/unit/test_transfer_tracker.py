"""Applications from trackers and spreadsheets: header found, columns and statuses matched, exact rows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from services.transfer import FileProblem, Options, TransferService
from tests.unit.transfer_fixtures import dump, file_services

# A hand-made sheet: a title line above the header, day-first dates, statuses in the person's words.
SHEET = (
    "My job search 2026,,,,,,\n"
    "Company,Job Title,Date Applied,Status,Link,Notes,Salary\n"
    "Acme Ltd,Data Analyst,15/01/2026,Rejected,https://acme.example/jobs/1,\"Kind recruiter, said \"\"keep in touch\"\"\",40k\n"
    "Søren & Co,Designer,20/01/2026,Interviewing,,\"Two rounds:\nportfolio, then team\",\n"
    "شركة الأمل,Analyst,2/2/2026,Ghosted,,,\n"
    "Globex,PM,,Wishlist,,,\n"
    "Initech,Engineer,03/02/2026,Phone screen,,😀 nice people,\n"
    ",,,,,,\n"
)
# LinkedIn's "Job Applications" export: US dates with a time.
LINKEDIN = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n"
    "\"2/14/26, 10:31 AM\",,,Umbrella,Analyst,https://www.linkedin.com/jobs/view/1,cv.pdf,\n"
    "\"1/5/26, 4:02 PM\",,,Hooli,Data Scientist,https://www.linkedin.com/jobs/view/2,cv.pdf,\n"
)


@pytest.fixture
def app(tmp_path, clock):
    s = file_services(tmp_path / "data", clock)
    yield s
    s.db.dispose()


def _file(tmp_path, content: str, name: str = "applications.csv"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _apps(s):
    with s.db.engine.connect() as conn:
        apps = conn.execute(text("SELECT id, company, role, applied_on, status, status_on, link, notes, reapply_after "
                                 "FROM application ORDER BY id")).all()
        changes = conn.execute(text("SELECT application_id, status, changed_on FROM status_change ORDER BY id")).all()
        wins = conn.execute(text("SELECT application_id, title, kind, won_on FROM win ORDER BY id")).all()
    return [tuple(a[1:]) for a in apps], changes, wins


def test_a_hand_made_sheet(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, SHEET))
    assert source.kind == "tracker"
    needs = transfer.needs(source=source)
    assert needs.columns == {"company": "Company", "role": "Job Title", "applied_on": "Date Applied", "status": "Status",
                             "status_on": None, "source": None, "link": "Link", "notes": "Notes"}
    assert needs.statuses == {"Rejected": "rejected", "Interviewing": "interview", "Ghosted": "no_reply",
                              "Wishlist": "skip", "Phone screen": "heard_back"}
    assert not needs.date_order_needed  # 15/01 and 20/01 settle it: day first
    report = transfer.apply(source=source)
    assert report.texts() == ["added 4 applications, skipped 1 (not applied yet)"]
    apps, changes, wins = _apps(app)
    assert apps == [
        ("Acme Ltd", "Data Analyst", "2026-01-15", "rejected", "2026-01-15", "https://acme.example/jobs/1",
         'Kind recruiter, said "keep in touch"', "2026-04-15"),
        ("Søren & Co", "Designer", "2026-01-20", "interview", "2026-01-20", None, "Two rounds:\nportfolio, then team", None),
        ("شركة الأمل", "Analyst", "2026-02-02", "no_reply", "2026-02-02", None, None, None),
        ("Initech", "Engineer", "2026-02-03", "heard_back", "2026-02-03", None, "😀 nice people", None),
    ]
    assert [(s, str(d)) for _, s, d in changes] == [
        ("rejected", "2026-01-15"), ("interview", "2026-01-20"), ("no_reply", "2026-02-02"), ("heard_back", "2026-02-03")]
    assert [(t, k) for _, t, k, _ in wins] == [("Interview with Søren & Co", "interview"), ("Heard back from Initech", "heard_back")]


def test_importing_twice_adds_nothing(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    path = _file(tmp_path, SHEET)
    transfer.apply(source=transfer.read_file(path=path))
    before = dump(app.db.path)
    again = transfer.apply(source=transfer.read_file(path=path))
    assert again.texts() == ["added 0 applications, skipped 5 (4 already here, 1 not applied yet)"]
    assert dump(app.db.path) == before


def test_one_already_logged_by_hand_is_not_added_again(app, clock, tmp_path):
    app.applications.add_application(applied_on=date(2026, 1, 15), company="acme ltd", role="data analyst")
    transfer = TransferService(app.db, clock)
    report = transfer.apply(source=transfer.read_file(path=_file(tmp_path, SHEET)))
    assert report.texts() == ["added 3 applications, skipped 2 (1 already here, 1 not applied yet)"]


def test_linkedin_export_with_us_dates(app, clock, tmp_path):
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, LINKEDIN))
    needs = transfer.needs(source=source)
    assert (needs.columns["company"], needs.columns["role"], needs.columns["applied_on"], needs.columns["link"]) == (
        "Company Name", "Job Title", "Application Date", "Job Url")
    transfer.apply(source=source)
    apps, changes, _ = _apps(app)
    assert [(c, r, d, s) for c, r, d, s, *_ in apps] == [
        ("Umbrella", "Analyst", "2026-02-14", "applied"), ("Hooli", "Data Scientist", "2026-01-05", "applied")]
    assert changes == []


def test_ambiguous_dates_wait_for_the_person(app, clock, tmp_path):
    content = "Company,Role,Date applied\nA,X,02/03/2026\nB,Y,01/02/2026\n"
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, content))
    assert transfer.needs(source=source).date_order_needed
    transfer.apply(source=source, options=Options(date_order="mdy"))
    apps, _, _ = _apps(app)
    assert [d for _, _, d, *_ in apps] == ["2026-02-03", "2026-01-02"]


def test_the_person_can_change_columns_and_statuses(app, clock, tmp_path):
    content = "Org,Position,When,Stage\nAcme,Analyst,2026-02-01,Offer stage\n"
    transfer = TransferService(app.db, clock)
    source = transfer.read_file(path=_file(tmp_path, content))
    needs = transfer.needs(source=source)
    assert needs.missing_columns == ["applied_on"]  # "When" isn't a name we know for it
    options = Options(columns={"applied_on": "When", "company": "Org"}, status_map={"Offer stage": "offer"})
    needs = transfer.needs(source=source, options=options)
    assert needs.ready and needs.statuses == {"Offer stage": "offer"} and needs.guessed_statuses == []
    transfer.apply(source=source, options=options)
    apps, _, wins = _apps(app)
    assert apps[0][:5] == ("Acme", "Analyst", "2026-02-01", "offer", "2026-02-01")
    assert [t for _, t, _, _ in wins] == ["Offer with Acme"]


def test_an_unknown_status_counts_as_applied_and_is_flagged(app, clock, tmp_path):
    content = "Company,Role,Date applied,Status\nAcme,Analyst,2026-02-01,Vibing\n"
    transfer = TransferService(app.db, clock)
    needs = transfer.needs(source=transfer.read_file(path=_file(tmp_path, content)))
    assert needs.statuses == {"Vibing": "applied"} and needs.guessed_statuses == ["Vibing"]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Acme,Analyst,sometime in May,", "Row 2, “Date applied”: “sometime in May”: we couldn't read it as a date"),
        ("Acme,Analyst,2026-12-01,", "Row 2, “Date applied”: That date is in the future."),
        (",Analyst,2026-02-01,Interview", "Row 2, “Company”: Add the company to mark this as “interview”."),
        ("A" * 201 + ",Analyst,2026-02-01,", "Row 2, “Company”: Company can be at most 200 characters (this one has 201)."),
    ],
    ids=["unreadable date", "future date", "status needs a company", "name too long"],
)
def test_bad_rows_name_the_row_and_field_and_write_nothing(app, clock, tmp_path, row, expected):
    transfer = TransferService(app.db, clock)
    before = dump(app.db.path)
    with pytest.raises(FileProblem) as caught:
        transfer.apply(source=transfer.read_file(path=_file(tmp_path, "Company,Role,Date applied,Status\n" + row + "\n")))
    assert expected in caught.value.message
    assert dump(app.db.path) == before
