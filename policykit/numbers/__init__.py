"""Numbers in plans: numerals, quantity tokens, bound words, requirements and deadlines.

The public entry points are ``policykit.requirements.extract_requirements`` and
``extract_deadlines``; the modules here are the steps they run:
numerals → tokens → assemble (bounds, periods, conditions, subjects), and deadlines.
"""
