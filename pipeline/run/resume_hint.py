"""The exact command that continues an interrupted run: the user's own command line, with --resume.

Shown when a run stops early (Ctrl-C, SIGTERM, a dead worker), so nobody has
to work out which of the options they typed must be repeated: all of them,
since --resume refuses a run whose inputs or settings differ.
"""

import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import List, Optional, Sequence

# --resume continues OUT.partial and --restart would discard it; the hint asks for the one and never the other
DROPPED = ("--resume", "--no-resume", "--restart", "--no-restart")


def resume_command(argv: Optional[Sequence[str]] = None, executable: Optional[str] = None) -> str:
    """The command line of this process (sys.argv) with --resume instead of --restart, quoted for a shell."""
    argv = list(sys.argv if argv is None else argv)
    args = [arg for arg in argv[1:] if arg not in DROPPED]
    return shlex.join([*_program(argv[0], executable or sys.executable), *args, "--resume"])


def _program(argv0: str, executable: str) -> List[str]:
    # `python -m pipeline` runs pipeline/__main__.py as argv[0]; an installed script (kamerbrieven) is argv[0] itself
    if Path(argv0).name == "__main__.py":
        return [_short(executable), "-m", "pipeline"]
    return [_short(argv0)]


def _short(program: str) -> str:
    """The program as the user would type it: its name when it is first on PATH, else relative to here if inside."""
    name = Path(program).name
    found = shutil.which(name)
    if found and Path(found).absolute() == Path(program).absolute():
        return name
    relative = os.path.relpath(program)
    if relative.startswith(".."):
        return program
    return relative if os.sep in relative else os.path.join(".", relative)
