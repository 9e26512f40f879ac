"""A CTF has no registration group: pupils.csv in the same import gives it and fills what the CTF lacks; where
both give a value, the CTF's is kept and the report warns."""

from rollbook.ingest import Kind
from tests.support.mis_exports import ANN, BEN, csv_text, ctf_pupil, import_one, pupils_in, write, write_ctf


def test_pupils_csv_adds_reg_group_to_the_ctfs_pupils(tmp_path, lake):
    ctf = write_ctf(tmp_path, ctf_pupil(ANN), ctf_pupil(BEN, forename="Ben", gender="M"))
    pupils = write(
        tmp_path,
        "pupils.csv",
        csv_text(
            "upn,forename,surname,dob,sex,reg_group,eal",
            f"{ANN},Ann,Smith,2015-05-01,F,4S,N",
            f"{BEN},Benjamin,Smith,2015-05-01,M,4T,Y",
        ),
    )

    outcome = import_one(lake, ctf, pupils)

    assert outcome.landed
    stored = pupils_in(lake)
    assert (stored[ANN]["reg_group"], stored[ANN]["eal"]) == ("4S", False)  # the CTF gave no first language
    assert (stored[BEN]["reg_group"], stored[BEN]["forename"]) == ("4T", "Ben")
    (warning,) = outcome.report.warnings.listed
    assert warning.kind is Kind.CONFLICTING_DETAILS
    assert (warning.file, warning.where, warning.upn) == ("pupils.csv", "line 3", BEN)
    assert warning.message == f"forename is 'Benjamin' here but 'Ben' in {ctf.name}; kept the CTF's"
