package io.github.natsspring.broker.jetstream.store;

/**
 * Told about every message a store removes, whatever the cause: a limit, expiry, a delete or a purge. The stream
 * layer uses it to drop the message from its consumers' pending state and its account usage.
 * <p>
 * Called on the thread that made the removal, after the store's lock was released, in the order the operation
 * removed them; it may call back into the store.
 */
@FunctionalInterface
public interface StoreListener {

	/**
	 * A message was removed.
	 * @param sequence its sequence
	 * @param subject its subject
	 */
	void removed(long sequence, String subject);
}
