"""Units of load an athlete enters and sees: kilograms or pounds (loads are kept in kilograms).

A module of its own so that a profile, which names its athlete's units, does not load the
training log (a command's start: `runstrong plan` needs the units, not the log)."""

from __future__ import annotations

from enum import StrEnum

KG_PER_LB = 0.45359237  # the international avoirdupois pound, exactly


class Units(StrEnum):
    KG = "kg"
    LB = "lb"

    def to_kg(self, value: float) -> float:
        return round(value * KG_PER_LB, 3) if self is Units.LB else value

    def from_kg(self, kg: float) -> float:
        return round(kg / KG_PER_LB, 1) if self is Units.LB else kg
