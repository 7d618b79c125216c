"""The shipped demo audit (``demo/``) and the script that builds it (``build_demo.py``).

Installed as the package ``interview_assistant.demo`` so the demo is found through
``importlib.resources`` in editable and wheel installs alike.
"""
