"""Schemathesis hooks: holds aimed at real seats, payments at real holds.

A generated scheduleId and seatId name no seat, so every hold would answer 404, and a generated
reservationId no reservation, so no payment would ever settle. When the ids are well-formed, a
hold is aimed at one of the catalogue's seats and a payment at one of the fan's holds instead,
chosen from the generated id so a failing case replays the same. Malformed ids are left alone:
the validation is still fuzzed.
"""

import os
import threading
import uuid

import requests
import schemathesis

GATEWAY_URL = os.environ["FUZZ_GATEWAY_URL"]
SEATS_TO_AIM_AT = 1000

_seats = None
_holds = []
_lock = threading.Lock()


def get(path):
    response = requests.get(f"{GATEWAY_URL}{path}", timeout=10)
    response.raise_for_status()
    return response.json()


def seeded_seats():
    """(scheduleId, seatId) of the catalogue's first seats, read once through the gateway."""
    global _seats
    with _lock:
        if _seats is None:
            _seats = []
            # The first page is enough: seeded catalogues hold far more seats than the fuzzer aims at.
            for concert in get("/api/v1/concerts?limit=100")["items"]:
                for schedule in get(f"/api/v1/concerts/{concert['concertId']}/schedules"):
                    seats = get(f"/api/v1/schedules/{schedule['scheduleId']}/seats")["seats"]
                    _seats += [(schedule["scheduleId"], seat["seatId"]) for seat in seats]
                if len(_seats) >= SEATS_TO_AIM_AT:
                    break
        return _seats


def is_uuid(value):
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def pick(items, generated_id):
    return items[uuid.UUID(generated_id).int % len(items)]


@schemathesis.hook("map_body").apply_to(method="POST", path="/api/v1/reservations")
def aim_hold_at_a_seat(context, body):
    if not (isinstance(body, dict) and is_uuid(body.get("scheduleId")) and is_uuid(body.get("seatId"))):
        return body
    seats = seeded_seats()
    if not seats:
        return body
    schedule_id, seat_id = pick(seats, body["seatId"])
    return {**body, "scheduleId": schedule_id, "seatId": seat_id}


@schemathesis.hook
def after_call(context, case, response):
    if case.operation.label == "POST /api/v1/reservations" and response.status_code == 201:
        with _lock:
            _holds.append(response.json()["reservationId"])


@schemathesis.hook("map_body").apply_to(method="POST", path="/api/v1/payments")
def aim_payment_at_a_hold(context, body):
    if not (isinstance(body, dict) and is_uuid(body.get("reservationId")) and _holds):
        return body
    with _lock:
        return {**body, "reservationId": pick(_holds, body["reservationId"])}
