"""The line mode: the interview capture of the TUI as a plain prompt, one line per note.

For auditors over SSH on a small screen, with a screen reader, or who prefer a prompt.
:mod:`~interview_assistant.line.chat` holds the conversation and knows nothing of
terminals; :mod:`~interview_assistant.line.prompt` drives it with prompt-toolkit and
:mod:`~interview_assistant.line.plain` with plain lines from stdin.
"""
