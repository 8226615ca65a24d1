"""Numbers in plans: numerals, quantity tokens, bound words, requirements and deadlines.

The public entry points are ``policykit.requirements.extract_requirements`` and
``extract_deadlines``; the modules here are the steps they run, each on
normalised text (one character for one, so positions are positions in the text
as read):

tokens (1名, 60%, 600:1; names cut out) → bounds (op, period, per) → scope
(conditions, subjects) → assemble (one sentence at a time); deadlines on their own.
Numerals (十五 → 15) and dates are read by ``policykit.china``.  The vocabulary is
``policykit/data/requirements.toml``.
"""
