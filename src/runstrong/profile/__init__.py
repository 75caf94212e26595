"""Runner profiles (TOML or JSON) -> validated domain `Profile` (docs/formats.md, "Profile")."""

from runstrong.profile.loader import load_profile, parse_profile

__all__ = ["load_profile", "parse_profile"]
