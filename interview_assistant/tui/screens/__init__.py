"""One module per screen, each with its styles in a .tcss file next to it."""
