"""User-page tests use the web world (tests/web/conftest.py) with two more people: adam, who holds account
set-up at Alder, and bea, who holds it at Birch; and a way to invite someone new to Alder."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from rollbook.web.accounts.models import Membership
from rollbook.web.accounts.newusers import Created, NewUser, create_users


@pytest.fixture
def adam(world) -> User:
    user = User.objects.create_user("adam", email="adam@alder.sch.uk", first_name="Adam", last_name="Ash")
    Membership.objects.create(user=user, school=world.alder, role="data_manager", account_setup=True)
    return user


@pytest.fixture
def bea(world) -> User:
    user = User.objects.create_user("bea", email="bea@birch.sch.uk")
    Membership.objects.create(user=user, school=world.birch, account_setup=True)
    return user


@pytest.fixture
def admin(world, adam) -> Client:
    return world.client_for(adam)


@pytest.fixture
def invited(world, adam) -> Created:
    """Claire Jones, just invited to Alder with school-level reports: her user and access code."""
    person = NewUser("Claire", "Jones", "cjones@alder.sch.uk", "teacher", frozenset({"school_reports"}))
    [created] = create_users(world.alder, [person], adam, "http://testserver/welcome/")
    return created
