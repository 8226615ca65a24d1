"""TOML data, read one way: the files bundled in ``policykit/data/`` and the ones users pass in.

``bundled("units.toml")`` → the parsed bundled registry; ``user_file("my.toml")``
→ a user's file, any problem an ``InputError`` naming it in one line.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any

from policykit.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError


def bundled(*parts: str) -> dict[str, Any]:
    """A data file shipped with policykit: ``bundled("draft", "adapt.toml")`` reads ``data/draft/adapt.toml``."""
    with resources.files("policykit").joinpath("data", *parts).open("rb") as fh:
        return tomllib.load(fh)


def user_file(path: str | Path) -> dict[str, Any]:
    """A user's TOML file (a registry, settings, a profile); unreadable or invalid → ``InputError``."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a TOML file") from None
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None
    except TOMLDecodeError as err:
        raise InputError(str(path), f"not valid TOML: {err}") from None
