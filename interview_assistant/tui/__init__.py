"""The Textual interface: start screen, audit dashboard, interview screen and forms."""
