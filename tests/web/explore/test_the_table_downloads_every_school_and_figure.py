"""The table's downloads hold every school of the area, not one page, and every figure held, not only the
columns shown."""

from __future__ import annotations

import csv
import io

from rollbook.rules.public.fields import measures


def test_the_csv_holds_every_london_school_and_figure(world, public_data):
    response = world.client_for(world.carol).get(
        "/explore/?area=region:London&columns=attainment8&format=csv"
    )
    assert response["Content-Disposition"] == 'attachment; filename="schools-2019-london.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 504
    assert {each.key for each in measures()} <= set(rows[0])
    henrietta = next(row for row in rows if row["urn"] == "138051")
    assert (henrietta["attainment8"], henrietta["local_authority"]) == ("85.1", "Barnet")


def test_excel_is_a_workbook(world, public_data):
    response = world.client_for(world.carol).get("/explore/?area=la:352&format=xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.content[:2] == b"PK"
