"""Hardening that belongs to no one page: the sign-in lockout's answer, client addresses, log redaction."""
