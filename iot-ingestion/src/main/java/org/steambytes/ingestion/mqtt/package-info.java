/**
 * Readings over MQTT: a subscriber on {@code <prefix>/<site_id>/<gateway_id>/readings} (a shared
 * subscription, so replicas split the load) whose messages take the HTTP endpoints' path to durable
 * storage, acknowledged (QoS 1) only once durable; refusals go to the gateway's errors topic. Uses
 * gateways (per-message token) and reading (the intakes).
 */
package org.steambytes.ingestion.mqtt;
