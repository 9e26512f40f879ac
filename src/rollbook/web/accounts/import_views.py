"""Creating multiple users from the MIS staff list: upload the file, then four steps, each a page with Next
and Go back. Nothing is created until the last step; the steps live in staff_import."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render

from rollbook.web.accounts import staff_import
from rollbook.web.accounts.access import account_setup_required
from rollbook.web.accounts.forms import ChooseStaffForm, ReportAccessForm, RolesForm, StaffFileForm
from rollbook.web.accounts.newusers import EmailTaken, create_users
from rollbook.web.accounts.staff import StaffFileError, read_staff
from rollbook.web.accounts.views import show_codes, welcome_url

#: Each step's page, by number.
STEP_URLS = {
    1: "accounts:import_choose",
    2: "accounts:import_roles",
    3: "accounts:import_access",
    4: "accounts:import_confirm",
}
STEP_FORMS = {1: ChooseStaffForm, 2: RolesForm, 3: ReportAccessForm}
#: The filter on step 1, in the URL so that it needs no script.
TEACHERS_ONLY = "teachers"


@account_setup_required
def upload(request, school):
    form = StaffFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            staff = read_staff(form.contents())
        except StaffFileError as bad:
            for problem in bad.problems:
                form.add_error("file", problem)
        else:
            staff_import.save(request.session, school, staff_import.StaffImport.start(staff))
            return redirect(STEP_URLS[1], school.urn)
    page = {
        "school": school,
        "form": form,
        "tab": "import",
        "in_progress": staff_import.load(request.session, school) is not None,
    }
    return render(request, "accounts/import_upload.html", page, status=400 if form.errors else 200)


def _state_for(request, school, step: int):
    """The import so far, or where to send the user instead: the upload page, or an unfinished step."""
    state = staff_import.load(request.session, school)
    if state is None:
        messages.info(request, "Upload your staff list to start.")
        return None, redirect("accounts:import", school.urn)
    back = state.go_back_to(step)
    if back is not None:
        if state.done:
            for problem in state.problems():
                messages.error(request, problem)
        return None, redirect(STEP_URLS[back], school.urn)
    return state, None


@account_setup_required
def step(request, school, number: int):
    """Steps 1 to 3: the same fields for each member of staff shown, then on to the next step."""
    state, elsewhere = _state_for(request, school, number)
    if elsewhere:
        return elsewhere
    teachers_only = number == 1 and request.GET.get("show") == TEACHERS_ONLY
    rows = state.offered(teachers_only) if number == 1 else state.chosen()
    # Bound on any POST: with nothing ticked, a step's answer can be empty.
    form = STEP_FORMS[number](rows, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        state.answer(number, form.answers())
        staff_import.save(request.session, school, state)
        return redirect(STEP_URLS[number + 1], school.urn)
    page = {
        "school": school,
        "tab": "import",
        "form": form,
        "state": state,
        "number": number,
        "title": staff_import.STEPS[number - 1],
        "back": STEP_URLS.get(number - 1, "accounts:import"),
        "teachers_only": teachers_only,
        "filter": TEACHERS_ONLY,
    }
    template = "accounts/import_choose.html" if number == 1 else "accounts/import_step.html"
    return render(request, template, page, status=400 if form.errors else 200)


@account_setup_required
def confirm(request, school):
    """Step 4: the staff to be created, then all of them at once, with their codes shown once."""
    state, elsewhere = _state_for(request, school, 4)
    if elsewhere:
        return elsewhere
    if request.method == "POST":
        try:
            created = create_users(school, state.new_users(), request.user, welcome_url(request))
        except EmailTaken as clash:
            messages.error(request, str(clash))
            return redirect(STEP_URLS[1], school.urn)
        staff_import.forget(request.session, school)
        heading = f"{len(created)} user{'s' if len(created) != 1 else ''} created"
        return show_codes(request, school, created, heading)
    page = {"school": school, "tab": "import", "chosen": state.new_users(), "back": STEP_URLS[3], "number": 4}
    return render(request, "accounts/import_confirm.html", page)
