"""Packaging beyond pyproject.toml: the demo's input documents ship inside the package.

``corpora/`` stays at the top of the source tree (tests, benchmarks and contributors read it
there); a plain ``pip install`` installs its plan texts and county profiles as
``policykit/corpora`` so that ``policykit demo`` works without a source checkout.  The blind
corpus and the gold files are not installed: they are for measuring, not for running.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["policykit*"]) + ["policykit.corpora"],
    package_dir={"policykit.corpora": "corpora"},
    package_data={"policykit": ["data/*", "data/**/*"], "policykit.corpora": ["*.txt", "profiles/*.toml"]},
)
