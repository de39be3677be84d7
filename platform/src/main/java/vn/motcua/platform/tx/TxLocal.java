package vn.motcua.platform.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value that lives as long as the caller's transaction: what a consumer's batch read once for all its events, or
 * rows its effects produced that are written together. Each transaction has its own, created on first use and gone
 * with the transaction, so nothing leaks from a batch that rolled back into the next one.
 *
 * @param <T> the value, usually a mutable map or list owned by one thread (a consumer's batch runs on one)
 */
public final class TxLocal<T> {
    private final TransactionSynchronizationRegistry transactions;
    private final Supplier<T> initial;
    private final Consumer<T> beforeCommit;

    /** A value without anything to do at commit (a read memo). */
    public TxLocal(TransactionSynchronizationRegistry transactions, Supplier<T> initial) {
        this(transactions, initial, null);
    }

    /**
     * A value that {@code beforeCommit} writes out just before the transaction commits (a buffer of rows): it runs in
     * the transaction, and when it fails the transaction rolls back with everything else it did.
     */
    public TxLocal(TransactionSynchronizationRegistry transactions, Supplier<T> initial, Consumer<T> beforeCommit) {
        this.transactions = transactions;
        this.initial = initial;
        this.beforeCommit = beforeCommit;
    }

    /** This transaction's value, created on first use; empty when no transaction is active. */
    @SuppressWarnings("unchecked")
    public Optional<T> get() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return Optional.empty();
        }
        T value = (T) transactions.getResource(this);
        if (value == null) {
            T created = initial.get();
            transactions.putResource(this, created);
            if (beforeCommit != null) {
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        beforeCommit.accept(created);
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            }
            value = created;
        }
        return Optional.of(value);
    }
}
