"""The two-factor set-up page shows the key as a QR code to scan, drawn in the page as SVG (nothing fetched,
no inline style), and it is the QR code of this user's own key."""

from __future__ import annotations

import re

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice


def modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules a segno SVG draws, as (column, row) from the code's top left: its dark path is
    runs of `h` (draw across) after `M` (start) and `m` (move) steps, one module per unit, inside a
    border."""
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for command, first, second in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            dark.update((int(x) + step, int(y)) for step in range(int(first)))
            x += float(first)
    left, top = min(column for column, _ in dark), min(row for _, row in dark)
    return {(column - left, row - top) for column, row in dark}


def test_the_qr_code_holds_this_users_key(world):
    page = world.client_for(world.alice).get("/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=world.alice)
    svg = re.search(r'<div class="qr"[^>]*>(<svg.*?</svg>)</div>', page, re.S).group(1)

    expected = segno.make(device.config_url, error="m").matrix
    assert modules(svg) == {
        (column, row) for row, line in enumerate(expected) for column, dark in enumerate(line) if dark
    }
    assert "style=" not in svg and "href" not in svg


def test_another_user_gets_the_qr_code_of_their_own_key(world):
    alice = world.client_for(world.alice).get("/two-factor/").context["qr_code"]
    pam = world.client_for(world.pam).get("/two-factor/").context["qr_code"]
    assert alice != pam
