"""Past one machine: the build on a Ray cluster (``kg build --engine ray``).

:func:`build_shards` runs the local build's per-batch work (:func:`kg.stages.process_articles`,
SHACL gate included) on a Ray Data actor pool and writes one N-Quads file per input shard;
``kg load`` (:func:`kg.store.load_files`) bulk-loads those files into the store, which then
equals a local ``kg build`` of the same articles, quad for quad.
"""

from kg.distributed.ray_build import ShardReport, build_shards, connect
from kg.distributed.shards import shard_file_names, shard_of

__all__ = ["ShardReport", "build_shards", "connect", "shard_file_names", "shard_of"]
