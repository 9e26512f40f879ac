"""Optional two-factor sign-in with an authenticator app (TOTP, via django-otp), and the operator's rule that
makes it required for anyone with pupil-level access."""
