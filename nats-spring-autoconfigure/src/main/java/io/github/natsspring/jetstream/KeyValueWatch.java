package io.github.natsspring.jetstream;

/**
 * A running {@link KeyValueOperations#watch watch} of keys.
 */
public interface KeyValueWatch extends AutoCloseable {

	/**
	 * Whether the watch has delivered the revisions the bucket held when it started.
	 * @return {@code true} once the initial revisions are delivered
	 */
	boolean isInitialized();

	/**
	 * Ends the watch: its consumer is removed from the server and the callback is called no more.
	 */
	@Override
	void close();
}
