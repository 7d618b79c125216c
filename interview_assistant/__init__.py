"""interview-assistant: capture and compile audits for the Kwaliteitslabel Sociaal Werk."""

__version__ = "0.1.0"
