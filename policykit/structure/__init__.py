"""The parser core: lines and tables of a read document → outline, tasks, assignments, metadata.

A pipeline of small steps, each a module you can call on its own:
``lines`` (blocks → numbered lines, matched after ``textnorm.norm``) →
``meta`` (the header) → ``tables`` (task-list tables, also those flattened
into plain text) and ``rows`` (rows → one record per task) → ``outline`` and
``tasks`` (body tasks) → ``assign`` (who leads, who co-operates) → ``build``
(units, requirements, flags) → ``link`` (body ↔ table ``same_as``);
``garble`` flags extraction noise.  Words and patterns live in
``policykit/data/structure_*.toml``.
"""
