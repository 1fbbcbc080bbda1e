"""gdapp: a gradient-descent calculator that proves its numbers in a real spreadsheet."""

__version__ = "0.1.0"
