"""flashpoint: code political events from the news, with evidence, stories and escalation."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
