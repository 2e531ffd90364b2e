"""Password hashes: argon2id with the parameters of OWASP's Password Storage Cheat Sheet.

The cheat sheet (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html,
section "Argon2id") recommends "a minimum configuration of 19 MiB of memory, an
iteration count of 2, and 1 degree of parallelism", and lists trades of memory for
iterations that protect as much (46 MiB and 1 iteration, 12 MiB and 3, 9 MiB and 4,
7 MiB and 5). argon2-cffi's own default is RFC 9106's second recommendation (64 MiB, 3
iterations, 4 lanes): on a 2-core server that is about 0.16 s of wall time and more of
CPU per check, and 220 logins at once queued for a minute (README, the load run). The
OWASP minimum checks a password in about 0.02 s here.

Set other parameters with STORYLADDER_ARGON2_TIME_COST, STORYLADDER_ARGON2_MEMORY_KIB and
STORYLADDER_ARGON2_PARALLELISM (read by the server and the `users` CLI alike). A hash
made with other parameters still verifies (argon2 hashes carry their own), and is made
again with these on the next successful login (`needs_rehash`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import Any

from storyladder.errors import InputError

MIN_PASSWORD = 10
MAX_PASSWORD = 1_024  # characters: a longer one is refused before it is hashed
ENV = "STORYLADDER_ARGON2_"


@dataclass(frozen=True)
class Parameters:
    time_cost: int = 2  # iterations (OWASP: 2 with 19 MiB)
    memory_kib: int = 19_456  # 19 MiB (OWASP's minimum)
    parallelism: int = 1  # lanes (OWASP: 1)


def parameters(environ: dict[str, str] | None = None) -> Parameters:
    """The parameters: OWASP's minimum, or what the environment sets (each a whole number
    within argon2's limits; InputError naming the variable otherwise)."""
    env = os.environ if environ is None else environ
    chosen = Parameters()
    lowest = {"time_cost": 1, "memory_kib": 8, "parallelism": 1}
    values = {}
    for name, low in lowest.items():
        key = f"{ENV}{name.upper()}"
        raw = env.get(key)
        if raw is None:
            values[name] = getattr(chosen, name)
            continue
        if not raw.strip().isdigit() or int(raw) < low:
            raise InputError(f"{key} must be a whole number of at least {low}, not {raw!r}")
        values[name] = int(raw)
    if values["memory_kib"] < 8 * values["parallelism"]:
        raise InputError(f"{ENV}MEMORY_KIB must be at least 8 KiB per lane of parallelism")
    return Parameters(**values)


@cache
def _hasher(chosen: Parameters) -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher(
        time_cost=chosen.time_cost,
        memory_cost=chosen.memory_kib,
        parallelism=chosen.parallelism,
    )


def hasher() -> Any:
    """argon2-cffi's PasswordHasher with the current parameters (argon2id)."""
    return _hasher(parameters())


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InputError(f"the password is too long: use at most {MAX_PASSWORD} characters")
    return str(hasher().hash(password))


def matches(stored: str, password: str) -> bool:
    """Is `password` the one `stored` was made from (whatever parameters made it)?"""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Was `stored` made with other parameters than the current ones?"""
    from argon2.exceptions import InvalidHashError

    try:
        return bool(hasher().check_needs_rehash(stored))
    except InvalidHashError:
        return False
