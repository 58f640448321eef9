#!/usr/bin/env bash
# Creates the platform's topics on a production cluster. Needs Kafka's CLI tools on PATH.
# BOOTSTRAP=kafka-1.internal:9092 ./create-topics.sh
set -euo pipefail
: "${BOOTSTRAP:?set BOOTSTRAP to the cluster's bootstrap servers}"
PARTITIONS="${PARTITIONS:-12}"
for topic in mens-centraal.partner-events.v1 mens-centraal.partner-events.dlq.v1 \
             mens-centraal.event-status.v1 mens-centraal.signals.v1; do
  kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 3 \
    --config min.insync.replicas=2 --config unclean.leader.election.enable=false
done
# The topics are transport, not storage: the dossier's event store is the record (encrypted, erasable), and a
# topic is only the replay source for a rebuilt consumer. They hold BSNs and payloads in the clear, which an
# erasure cannot reach, so every topic keeps 30 days at most -- the dead-letter topic too: alert on its metric
# (operations.md) and look within that time.
kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
  --entity-name mens-centraal.partner-events.v1 --add-config retention.ms=2592000000
kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
  --entity-name mens-centraal.partner-events.dlq.v1 --add-config retention.ms=2592000000
kafka-configs.sh --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics \
  --entity-name mens-centraal.signals.v1 --add-config retention.ms=2592000000
