#!/bin/sh
# InfluxDB 2.x (docker-compose.yml's influxdb:2.7) runs this once, at the container's first set-up,
# after creating the org, the admin token and the raw bucket ($DOCKER_INFLUXDB_INIT_BUCKET, kept
# $DOCKER_INFLUXDB_INIT_RETENTION = INGESTION_RETENTION). SteamBytes speaks InfluxDB's 1.x API: it
# writes rollups to database <bucket>, retention policy rollup_1m / rollup_1h, and InfluxDB 2.x maps
# those to buckets named "<bucket>/rollup_1m" and "<bucket>/rollup_1h" by itself (virtual DBRP
# mappings). 2.x has no CREATE RETENTION POLICY, so the buckets are made here, with their retention
# (docs/ARCHITECTURE.md §2 "Rollups and retention").
set -eu
org="$DOCKER_INFLUXDB_INIT_ORG"
bucket="$DOCKER_INFLUXDB_INIT_BUCKET"
influx bucket create --org "$org" --name "$bucket/rollup_1m" --retention "${RETENTION_1M:-365d}"
# 0 is forever, as an empty RETENTION_1H is.
influx bucket create --org "$org" --name "$bucket/rollup_1h" --retention "${RETENTION_1H:-0}"
