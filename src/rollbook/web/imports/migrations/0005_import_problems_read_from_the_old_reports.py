"""Import reports kept as text (a summary line, then "Refused (3):", "  - file, line 2, UPN X: why" ...) read
once into their structure: the summary, and each list's problems with their file, line or element, UPN,
date and message. A line whose place cannot be told apart from its message is kept whole as the message;
the kind of a listed problem was never written in the text, so it is left blank."""

import re

from django.db import migrations

HEADINGS = {"Refused": "refusals", "Warnings": "warnings", "Notes": "notes"}
_HEADING = re.compile(r"^(Refused|Warnings|Notes) \([0-9,]+\):$")
_MORE = re.compile(r"^and ([0-9,]+) more: (.+)$")
_LINE = re.compile(r"^line ([0-9]+)$")
_UPN = re.compile(r"^UPN (\S+)$")
_DATE = re.compile(r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$")
_FILE = re.compile(r"^[^\s/\[\]]+\.[A-Za-z]{2,4}$")
_ELEMENT = re.compile(r"^(\S+|session [0-9]+|column .+)$")


def problem(text):
    """One listed line as a problem; where its place is not recognised, the whole line is its message."""
    found = {"kind": "", "file": None, "line": None, "element": None, "upn": None, "date": None, "message": text}
    head, colon, message = text.partition(": ")
    if not colon:
        return found
    place = dict(found, message=message)
    elements = []
    for number, part in enumerate(head.split(", ")):
        if match := _LINE.match(part):
            place["line"] = int(match[1])
        elif match := _UPN.match(part):
            place["upn"] = match[1]
        elif _DATE.match(part):
            place["date"] = part
        elif number == 0 and _FILE.match(part):
            place["file"] = part
        elif _ELEMENT.match(part):
            elements.append(part)
        else:
            return found
    place["element"] = ", ".join(elements) or None
    return place


def read(text, summary=True):
    """(summary, problems) from a report's text; the first line is the summary when `summary`."""
    lines = text.splitlines()
    first = lines.pop(0) if summary and lines else ""
    problems, section = {}, None
    for line in lines:
        if match := _HEADING.match(line):
            section = problems.setdefault(HEADINGS[match[1]], {"listed": [], "more": {}})
        elif line.startswith("  - ") and section is not None:
            item = line[4:]
            if more := _MORE.match(item):
                section["more"][more[2]] = int(more[1].replace(",", ""))
            else:
                section["listed"].append(problem(item))
    return first, problems


def forwards(apps, schema_editor):
    ImportRecord = apps.get_model("imports", "ImportRecord")
    Upload = apps.get_model("imports", "Upload")
    records = list(ImportRecord.objects.exclude(report=""))
    for record in records:
        record.summary, record.problems = read(record.report)
    ImportRecord.objects.bulk_update(records, ["summary", "problems"], batch_size=500)
    uploads = list(Upload.objects.exclude(report=""))
    for upload in uploads:
        upload.problems = read(upload.report, summary=False)[1]
    Upload.objects.bulk_update(uploads, ["problems"], batch_size=500)


def told(each):
    line = f"line {each['line']}" if each.get("line") is not None else None
    upn = f"UPN {each['upn']}" if each.get("upn") else None
    place = ", ".join(part for part in (each.get("file"), line, each.get("element"), upn, each.get("date")) if part)
    return f"{place}: {each['message']}" if place else each["message"]


def backwards(apps, schema_editor):
    """The text again, from the structure: good enough to read, though not the text it was read from."""
    ImportRecord = apps.get_model("imports", "ImportRecord")
    records = list(ImportRecord.objects.all())
    for record in records:
        lines = [record.summary]
        for name, heading in (("refusals", "Refused"), ("warnings", "Warnings"), ("notes", "Notes")):
            section = record.problems.get(name) or {}
            listed, more = section.get("listed", []), section.get("more", {})
            if listed or more:
                lines.append(f"{heading} ({len(listed) + sum(more.values()):,}):")
                lines += [f"  - {told(each)}" for each in listed]
                lines += [f"  - and {count:,} more: {kind}" for kind, count in more.items()]
        record.report = "\n".join(lines)
    ImportRecord.objects.bulk_update(records, ["report"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ("imports", "0004_import_problems_kept_as_json"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
