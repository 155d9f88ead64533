package dev.greenlight.integrations.subscriptions.application;

import org.apache.avro.specific.SpecificRecord;

/** Where subscription events go (keyed by subscription id). Returns only once the event is durably stored. */
public interface SubscriptionEvents {

    void publish(String subscriptionId, SpecificRecord event);
}
