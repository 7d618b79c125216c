"""The shipped house-style template (``huisstijl.docx``) and the script that builds it."""
