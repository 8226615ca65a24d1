"""The parser core: lines and tables of a read document → outline, tasks, assignments, metadata.

A pipeline of small steps, each a module you can call on its own:
``lines`` (blocks → numbered lines) → ``outline`` (heading numbering) →
``tables`` (task-list tables, also those flattened into plain text) and
``tasks`` (body tasks) → ``assign`` (who leads, who co-operates) →
``build`` (units, requirements, flags) → ``link`` (body ↔ table ``same_as``);
``meta`` reads the header, ``garble`` flags extraction noise.
"""
