#!/bin/bash
# Slurm job array written by `genre shards slurm`: task I runs shard I of 16.
# Submit with `sbatch FILE`. Afterwards `genre shards status --out DIR --shard-count N` (the --out and
# --shard-count below) prints the shards still missing as an --array= list: `sbatch --array=LIST FILE`
# runs just those. genre exits 0 when its shard is done (also when it was done before), 75 when a rerun
# may succeed (output not writable, disk full, cancelled), 65 when the manifest is bad (fix it first).
#SBATCH --job-name=genre-shards
#SBATCH --array=0-15%8
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=01:00:00
#SBATCH --partition=batch
#SBATCH --output="/data/parts/logs/%A_%a.out"
#SBATCH --requeue
set -euo pipefail
# Without task binding .NET and libtorch would size their thread pools to the whole node.
export DOTNET_PROCESSOR_COUNT=2 OMP_NUM_THREADS=2
exec /opt/genre/genre predict --manifest /data/tracks.csv --out /data/parts --shard-count 16 --format parquet
