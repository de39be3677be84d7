package vn.motcua.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import vn.motcua.shared.events.CloudEvent;
import vn.motcua.shared.events.EventPayload;
import vn.motcua.shared.events.EventType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one consumer does with each event type it uses (typed dispatch). A record of a type it does not use
 * is skipped by {@link InboundEvents} before it is parsed and costs no transaction.
 */
public final class Handlers {
    private final Map<String, Consumer<CloudEvent<JsonNode>>> byType = new LinkedHashMap<>();
    private final Consumer<CloudEvent<JsonNode>> everyType;
    private Consumer<List<CloudEvent<JsonNode>>> prefetch = events -> { };

    private Handlers(Consumer<CloudEvent<JsonNode>> everyType) {
        this.everyType = everyType;
    }

    /** A consumer that handles only the types registered with {@link #on}. */
    public static Handlers of() {
        return new Handlers(null);
    }

    /** A consumer that wants every event (a read model or a log that records each one). */
    public static Handlers everyType(Consumer<CloudEvent<JsonNode>> effect) {
        return new Handlers(effect);
    }

    /** Registers the effect of one event type; its payload is read and checked through the type. */
    public <P extends EventPayload> Handlers on(EventType<P> type, Consumer<P> effect) {
        if (everyType != null) {
            throw new IllegalStateException("a consumer of every type dispatches by itself");
        }
        byType.put(type.type(), event -> effect.accept(type.payload(event)));
        return this;
    }

    /**
     * Reads what a batch's effects will need in one go, in the batch's transaction, before the first effect runs:
     * {@code loader} gets the batch's new events (seen-before ones left out), in order. One event applied alone (a
     * failed batch retried one at a time) is a batch of one.
     */
    public Handlers prefetch(Consumer<List<CloudEvent<JsonNode>>> loader) {
        this.prefetch = loader;
        return this;
    }

    /** Whether events of {@code type} have an effect here. */
    public boolean wants(String type) {
        return everyType != null || byType.containsKey(type);
    }

    /** The types registered (empty for a consumer of every type). */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    void prefetch(List<CloudEvent<JsonNode>> events) {
        prefetch.accept(events);
    }

    void dispatch(CloudEvent<JsonNode> event) {
        if (everyType != null) {
            everyType.accept(event);
            return;
        }
        Consumer<CloudEvent<JsonNode>> effect = byType.get(event.type());
        if (effect != null) {
            effect.accept(event);
        }
    }
}
