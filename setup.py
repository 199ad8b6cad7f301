"""Package discovery for the design card's layout.

The top-level folders grammar/, outline/ and compare/ install as subpackages of `tigang`
(nothing generic lands in site-packages). setuptools cannot discover packages under a
renamed root from pyproject.toml alone, so the list is computed here from the tree: a new
subpackage can never be left out of a non-editable install (`pip install .`).
Everything else about the project lives in pyproject.toml.
"""

from setuptools import find_packages, setup

# Import name -> folder in the repository.
ROOTS = {
    "tigang": "src/tigang",
    "tigang.grammar": "grammar",
    "tigang.outline": "outline",
    "tigang.compare": "compare",
}


def discover(roots: dict[str, str]) -> list[str]:
    packages = []
    for name, folder in roots.items():
        packages.append(name)
        packages.extend(f"{name}.{sub}" for sub in find_packages(folder))
    return packages


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import ROOTS
    setup(packages=discover(ROOTS), package_dir=ROOTS)
