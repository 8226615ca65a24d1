"""``python -m policykit`` runs the command line."""

from policykit.cli import main

main()
