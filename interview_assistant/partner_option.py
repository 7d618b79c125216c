"""``--partner "FUNCTIE=ROL[,ROL...]"``: one more interviewee of a group interview, typed
on the command line. Only the shape is checked here; the roles are checked against the
catalogue's legend by the services layer when the session starts."""

from __future__ import annotations

import re

from interview_assistant.domain.errors import DomainError
from interview_assistant.domain.session import Interviewee

#: roles after the '=': separated by commas (as in the help) or, forgivingly, spaces
_ROLE_SEPARATORS = re.compile(r"[\s,;]+")


def parse_partner(value: str) -> Interviewee:
    """'vrijwilliger=nbV' or 'teamleider = Mng, P' → an :class:`Interviewee`.

    The function may contain spaces; the roles follow the last '=' (a role code never
    holds one), so the split is unambiguous.
    """
    function, sep, roles_text = value.rpartition("=")
    if not sep:
        raise DomainError("group.bad_partner", value=value)
    function = " ".join(function.split())
    if not function:
        raise DomainError("group.partner_no_function", value=value)
    roles = tuple(dict.fromkeys(r for r in _ROLE_SEPARATORS.split(roles_text) if r))
    if not roles:
        raise DomainError("group.partner_no_roles", value=value)
    return Interviewee(function, roles)
