"""Rollbook's Django project: application state, pages, the API and the admin."""
