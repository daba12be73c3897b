package org.steambytes.ingestion.mqtt;

/**
 * The topic layout: gateways publish to {@code <prefix>/<site_id>/<gateway_id>/readings}; refusals are
 * published to {@code <prefix>/<site_id>/<gateway_id>/errors}; the service subscribes with
 * {@code $share/<group>/<prefix>/+/+/readings}.
 */
record MqttTopics(String prefix, String sharedGroup) {

    /** Where a message was published: the site and gateway its topic names. */
    record Address(String siteId, String gatewayId) {
    }

    String subscription() {
        return "$share/" + sharedGroup + "/" + prefix + "/+/+/readings";
    }

    /** The address of a readings topic, or null when the topic is not one. */
    Address parse(String topic) {
        if (!topic.startsWith(prefix + "/")) {
            return null;
        }
        String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
        if (levels.length != 3 || !levels[2].equals("readings") || levels[0].isEmpty() || levels[1].isEmpty()) {
            return null;
        }
        return new Address(levels[0], levels[1]);
    }

    String errors(Address address) {
        return prefix + "/" + address.siteId() + "/" + address.gatewayId() + "/errors";
    }
}
