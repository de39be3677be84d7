package vn.motcua.platform.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.outbox.Outbox;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.CloudEvent;

import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DemoService {
    public static final String TOPIC = "motcua.test.events";
    public static final String CREATED = "vn.motcua.demo.created.v1";

    private static final java.util.Set<String> UNIQUE_NAMES_TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;

    public DemoService(Outbox outbox, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    /** Persists an item and its event; {@code failAfterWrite} rolls both back. */
    @Transactional
    public DemoItem create(String key, String name, int quantity, boolean failAfterWrite) {
        // a name taken "unique-…" is refused, as a command whose state has moved on refuses a second run: before
        // any statement (the names are remembered in memory), with the transaction already marked for rollback, as
        // a refusing inner @Transactional service leaves it
        if (name.startsWith("unique-") && !UNIQUE_NAMES_TAKEN.add(name)) {
            io.quarkus.narayana.jta.QuarkusTransaction.setRollbackOnly();
            throw ProblemException.conflict("name-taken", "Tên đã được dùng.");
        }
        DemoItem item = new DemoItem();
        item.id = UUID.randomUUID();
        item.name = name;
        item.quantity = quantity;
        item.persist();
        outbox.publish(TOPIC, CloudEvent.of("platformtest", CREATED, key, Map.of("id", item.id, "name", name)));
        if (failAfterWrite) {
            throw new IllegalStateException("simulated failure after the writes");
        }
        return item;
    }

    @Transactional
    public IdempotencyKeys.Outcome<DemoResource.Created> createOnce(String idempotencyKey, DemoResource.NewItem request) {
        return idempotency.once("POST /demo/items", idempotencyKey, request, 201, DemoResource.Created.class,
                () -> new DemoResource.Created(create(request.name(), request.name(), request.quantity(), false).id));
    }
}
