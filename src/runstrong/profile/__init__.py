"""Runner profiles (TOML or JSON) -> validated domain `Profile` (docs/formats.md, "Profile").

`parse_profile` (a dict, already read) lives in runstrong.profile.parse, which imports pydantic.
"""

from runstrong.profile.loader import load_profile

__all__ = ["load_profile"]
