"""Widgets of the interview and dashboard screens."""
