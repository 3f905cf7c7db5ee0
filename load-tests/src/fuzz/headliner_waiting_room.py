"""Schemathesis hooks: the waiting room's controls fuzzed as the admin, then put back.

A pause, or a limit or rate the fuzzer draws (one admission a minute), would leave the fan's next
queue token WAITING and turn every later hold and payment into a 403, so that nothing past the
queue check would be fuzzed. The room as the fuzz system started (read before the first control
is called) is set back after each call to a control.
"""

import os
import threading

import requests
import schemathesis

GATEWAY_URL = os.environ["FUZZ_GATEWAY_URL"]
ADMIN = {"Authorization": f"Bearer {os.environ['FUZZ_ADMIN_TOKEN']}"}
ROOM = f"{GATEWAY_URL}/api/v1/admin/waiting-room"
CONTROLS = r"^/api/v1/admin/waiting-room"

_initial = None
_lock = threading.Lock()


@schemathesis.hook("before_call").apply_to(path_regex=CONTROLS)
def remember_the_room(context, case, kwargs):
    global _initial
    with _lock:
        if _initial is None:
            response = requests.get(ROOM, headers=ADMIN, timeout=10)
            response.raise_for_status()
            _initial = response.json()


@schemathesis.hook("after_call").apply_to(path_regex=CONTROLS)
def restore_the_room(context, case, response):
    settings = {key: _initial[key] for key in ("activeLimit", "admissionRatePerMinute")}
    requests.patch(ROOM, headers=ADMIN, json=settings, timeout=10).raise_for_status()
    action = "pause" if _initial["paused"] else "resume"
    requests.post(f"{ROOM}/{action}", headers=ADMIN, timeout=10).raise_for_status()
