"""Schemathesis hooks: who the fuzzer is on each operation.

Admin operations (under /api/v1/admin/) get the admin's bearer token, every other operation that declares
`bearerAuth` the fan's. Operations that declare `queueToken` get the fan's queue token from
POST /api/v1/queue/tokens for the first seeded schedule (FUZZ_SCHEDULE_ID), which answers the same
ACTIVE token while it lasts or admits a new one (the fuzz system's active limit is high). The fuzzer itself leaves the queue (DELETE
/queue/tokens/current) and pays (which retires the token), so the token is fetched again every
few seconds, and at once when an answer is 403: schemathesis then replays that request.
"""

import os

import requests
import schemathesis

GATEWAY_URL = os.environ["FUZZ_GATEWAY_URL"]
FAN_TOKEN = os.environ["FUZZ_FAN_TOKEN"]
ADMIN_TOKEN = os.environ["FUZZ_ADMIN_TOKEN"]
SCHEDULE_ID = os.environ["FUZZ_SCHEDULE_ID"]


def declared_schemes(operation):
    return {name for requirement in operation.definition.raw.get("security", []) for name in requirement}


@schemathesis.auth(refresh_interval=2, retry_on=[403])
class FanAndAdmin:
    def get(self, case, context):
        response = requests.post(
            f"{GATEWAY_URL}/api/v1/queue/tokens",
            headers={"Authorization": f"Bearer {FAN_TOKEN}"},
            json={"scheduleId": SCHEDULE_ID},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()["queueToken"]

    def set(self, case, queue_token, context):
        schemes = declared_schemes(context.operation)
        case.headers = case.headers or {}
        if "bearerAuth" in schemes:
            admin = context.operation.path.startswith("/api/v1/admin/")
            case.headers["Authorization"] = f"Bearer {ADMIN_TOKEN if admin else FAN_TOKEN}"
        if "queueToken" in schemes:
            case.headers["X-Queue-Token"] = queue_token
