"""Print the README's table of consistency rules from service.checks.registry.RULES (markdown).

    python scripts/rules_table.py

Paste the output between the `rules-table` markers in README.md;
tests/contract/test_readme_rules.py fails when the two differ.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.checks.registry import RULES  # noqa: E402


def cell(text):
    return text.replace("|", "\\|")


def rules_table() -> str:
    lines = ["| rule | severity | what it checks | 检查内容 |", "|---|---|---|---|"]
    for rule, (severity, english, chinese) in RULES.items():
        lines.append(f"| `{rule}` | {severity} | {cell(english)} | {cell(chinese)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(rules_table())
