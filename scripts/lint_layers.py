"""Run import-linter on the package as it installs.

The design card's folders (ppid_desk/, ui/, reports/, resources/) install as one
namespace through setuptools' package-dir. import-linter reads the source tree of the
root package only, so this script lays the folders out as they install (a temporary
copy) and checks the contracts in pyproject.toml against that copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping: dict[str, str] = config["tool"]["setuptools"]["package-dir"]
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    with tempfile.TemporaryDirectory(prefix="ppid-layers-") as tmp:
        stage = Path(tmp)
        for package, folder in sorted(mapping.items(), key=lambda kv: kv[0].count(".")):
            shutil.copytree(ROOT / folder, stage.joinpath(*package.split(".")), ignore=ignore, dirs_exist_ok=True)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stage), os.environ.get("PYTHONPATH", "")])}
        lint = Path(sys.executable).with_name("lint-imports")
        return subprocess.call([str(lint), "--no-cache", "--no-logo", "--config", str(ROOT / "pyproject.toml")],
                               cwd=stage, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
