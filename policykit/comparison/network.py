"""Responsibility networks: functions as nodes, lead → co edges weighted by the tasks joining them.

One pooled graph over all documents, and one per document.  Node
attributes: ``kind``, ``lead`` and ``co`` (tasks), ``degree`` (neighbours,
either direction), and per document ``lead:蒙自市`` / ``co:蒙自市``; edge
attributes: ``weight`` (tasks), per document ``weight:蒙自市``, and
``tasks`` ("蒙自市/body-4;青浦区/table-9").  Written as GEXF or GraphML
(networkx), Gephi node/edge CSV, or UCINET DL (edge list).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from policykit import atomic
from policykit.comparison.result import Comparison
from policykit.comparison.tables import CO, LEAD, function_kinds, functions_ranked, task_roles
from policykit.errors import UsageError

FORMATS = (".gexf", ".graphml", ".csv", ".dl")


def edges(comparison: Comparison, doc: int | None = None) -> dict[tuple[str, str], list[str]]:
    """(lead function, co function) → the tasks that join them ("蒙自市/body-4"), for one document or all."""
    out: dict[tuple[str, str], list[str]] = {}
    for task in comparison.tasks:
        if doc is not None and task.doc != doc:
            continue
        roles = task_roles(task)
        leads = [f for f, r in roles.items() if r == LEAD]
        cos = [f for f, r in roles.items() if r == CO]
        where = f"{comparison.documents[task.doc].label}/{task.id}"
        for lead in leads:
            for co in cos:
                out.setdefault((lead, co), []).append(where)
    return out


def build_graph(comparison: Comparison, doc: int | None = None) -> Any:
    """A networkx DiGraph of one document (``doc``) or of all documents pooled (None)."""
    import networkx as nx

    graph = nx.DiGraph(name=comparison.documents[doc].label if doc is not None else "pooled")
    kinds = function_kinds(comparison)
    docs = range(len(comparison.documents)) if doc is None else [doc]
    labels = [comparison.documents[i].label for i in docs]
    nodes: dict[str, dict[str, Any]] = {}
    for task in comparison.tasks:
        if task.doc not in docs:
            continue
        label = comparison.documents[task.doc].label
        for function, role in task_roles(task).items():
            node = nodes.setdefault(function, {
                "label": function, "kind": kinds.get(function, "other"), LEAD: 0, CO: 0,
                **{f"{r}:{d}": 0 for d in labels for r in (LEAD, CO)}})
            node[role] += 1
            node[f"{role}:{label}"] += 1
    # Nodes in the report's order (most leads first), so node files read like the heatmap.
    graph.add_nodes_from((f, nodes[f]) for f in functions_ranked(comparison) if f in nodes)
    for (lead, co), tasks in edges(comparison, doc).items():
        per_doc = {f"weight:{d}": sum(1 for t in tasks if t.split("/", 1)[0] == d) for d in labels}
        graph.add_edge(lead, co, weight=len(tasks), tasks=";".join(tasks), **per_doc)
    for node in graph.nodes:
        graph.nodes[node]["degree"] = len(set(graph.successors(node)) | set(graph.predecessors(node)))
    return graph


def gephi_csv(graph: Any) -> tuple[bytes, bytes]:
    """(nodes.csv, edges.csv) as Gephi's spreadsheet import reads them (Id/Label; Source/Target/Type/Weight)."""
    node_keys = sorted({k for _, data in graph.nodes(data=True) for k in data if k != "label"})
    edge_keys = sorted({k for _, _, data in graph.edges(data=True) for k in data if k != "weight"})
    nodes, links = io.StringIO(), io.StringIO()
    writer = csv.writer(nodes)
    writer.writerow(["Id", "Label", *node_keys])
    for node, data in graph.nodes(data=True):
        writer.writerow([node, data.get("label", node), *(data.get(k, "") for k in node_keys)])
    writer = csv.writer(links)
    writer.writerow(["Source", "Target", "Type", "Weight", *edge_keys])
    for source, target, data in graph.edges(data=True):
        writer.writerow([source, target, "Directed", data.get("weight", 1), *(data.get(k, "") for k in edge_keys)])
    return ("\ufeff" + nodes.getvalue()).encode("utf-8"), ("\ufeff" + links.getvalue()).encode("utf-8")


def _dl_label(name: str) -> str:
    return '"' + name.replace('"', "'") + '"'


def ucinet_dl(graph: Any) -> bytes:
    """UCINET DL, edgelist1 with embedded labels: ``"教育" "公安" 12`` per edge."""
    lines = [f"DL n={graph.number_of_nodes()} format=edgelist1", "labels embedded:", "data:"]
    lines += [f"{_dl_label(s)} {_dl_label(t)} {d.get('weight', 1)}" for s, t, d in graph.edges(data=True)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def graph_bytes(graph: Any, suffix: str) -> bytes:
    """A graph as ``.gexf`` or ``.graphml`` bytes (networkx writers), or ``.dl``."""
    import networkx as nx

    if suffix == ".dl":
        return ucinet_dl(graph)
    buf = io.BytesIO()
    if suffix == ".gexf":
        nx.write_gexf(graph, buf)
    else:
        nx.write_graphml(graph, buf)
    return buf.getvalue()


def per_document_path(path: Path, label: str) -> Path:
    """``net.gexf`` + "蒙自市" → ``net.蒙自市.gexf`` (path separators in labels replaced)."""
    safe = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in label)
    return path.with_name(f"{path.stem}.{safe}{path.suffix}")


def write_network(comparison: Comparison, target: str | Path) -> list[Path]:
    """Write the pooled graph to ``target`` and one graph per document beside it; returns the paths.

    ``.csv`` writes ``STEM.nodes.csv`` and ``STEM.edges.csv`` (pooled; per-document
    counts are columns).  Every file is written atomically.
    """
    path = Path(target)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"--network {target}: unknown graph format {suffix or '(none)'}; "
                         f"use {', '.join(FORMATS)}")
    pooled = build_graph(comparison)
    if suffix == ".csv":
        nodes, links = gephi_csv(pooled)
        outputs = [(path.with_name(f"{path.stem}.nodes.csv"), nodes), (path.with_name(f"{path.stem}.edges.csv"), links)]
    else:
        outputs = [(path, graph_bytes(pooled, suffix))]
        if len(comparison.documents) > 1:
            for i, info in enumerate(comparison.documents):
                outputs.append((per_document_path(path, info.label), graph_bytes(build_graph(comparison, i), suffix)))
    for out, data in outputs:
        atomic.write_bytes(out, data)
    return [out for out, _ in outputs]
