"""The schemathesis hooks of a Headliner fuzz run (SCHEMATHESIS_HOOKS=headliner_hooks)."""

import headliner_auth  # noqa: F401
import headliner_booking  # noqa: F401
import headliner_waiting_room  # noqa: F401
