"""Read Rollbook's settings as a fresh process would, under an environment of the test's choosing.

Settings are read from the environment once, at start-up, so each case needs its own process. The test
run's own variables that would change them (pytest's marker, the data folder's) are left out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

#: Variables that set something in Rollbook's settings: a probe starts without them unless it says so.
SETTING_VARIABLES = ("PYTEST_VERSION", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "ROLLBOOK_DEBUG")


def environment(tmp_path, **variables: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SETTING_VARIABLES
        and not key.startswith("ROLLBOOK_")
        # The browser tests set this for their own process while they run; a deployment never has it.
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env["ROLLBOOK_DATA_DIR"] = str(tmp_path)
    env.update(variables)
    return env


def settings_under(tmp_path, names: list[str], **variables: str) -> dict:
    """The named settings, as a process started with these variables would have them."""
    script = (
        "import json, sys; import rollbook.web.settings as s; "
        "print(json.dumps({name: getattr(s, name, None) for name in sys.argv[1:]}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *names],
        env=environment(tmp_path, **variables),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def rollbook(tmp_path, *arguments: str, **variables: str) -> subprocess.CompletedProcess:
    """Run the `rollbook` command in a fresh process with these variables."""
    return subprocess.run(
        [sys.executable, "-m", "rollbook", *arguments],
        env=environment(tmp_path, **variables),
        capture_output=True,
        text=True,
    )
