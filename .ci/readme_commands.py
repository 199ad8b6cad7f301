"""Print the README quick start's Nth command (1: run the main job, 2: pass the tests), so CI
runs exactly what the README tells a user to type."""

import re
import sys
from pathlib import Path

readme = Path(__file__).resolve().parents[1] / "README.md"
section = readme.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
commands = re.findall(r"```\n(.+?)\n```", section)
print(commands[int(sys.argv[1]) - 1])
