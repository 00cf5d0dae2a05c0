package io.github.natsspring.jetstream;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Typed access to one JetStream key-value bucket. Values are converted with the application's
 * {@link io.github.natsspring.core.NatsMessageConverter}. Failures raise {@link NatsJetStreamException}; failed
 * revision checks the {@link KeyValueRevisionException} subclass.
 */
public interface KeyValueOperations {

	/**
	 * The bucket this template works on.
	 * @return the bucket name
	 */
	String getBucketName();

	/**
	 * Stores a value under a key.
	 * @param key the key
	 * @param value the value, converted
	 * @return the new revision
	 */
	long put(String key, Object value);

	/**
	 * Stores a value under a key that has no value yet (never written, or deleted).
	 * @param key the key
	 * @param value the value, converted
	 * @return the new revision
	 * @throws KeyValueRevisionException if the key holds a value
	 */
	long create(String key, Object value);

	/**
	 * Stores a value under a key whose last revision is the expected one (compare and set).
	 * @param key the key
	 * @param value the value, converted
	 * @param expectedRevision the revision the key must be at
	 * @return the new revision
	 * @throws KeyValueRevisionException if the key is at another revision
	 */
	long update(String key, Object value, long expectedRevision);

	/**
	 * Reads the value of a key.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the value type
	 * @return the value, or {@code null} when the key has none (never written, deleted or purged)
	 */
	<T> @Nullable T get(String key, Class<T> type);

	/**
	 * Reads the last revision of a key.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the value type
	 * @return the entry, or {@code null} when the key has no value
	 */
	<T> @Nullable KeyValueRecord<T> getEntry(String key, Class<T> type);

	/**
	 * Deletes a key: a delete marker becomes its last revision, its history stays.
	 * @param key the key
	 */
	void delete(String key);

	/**
	 * The keys that hold a value.
	 * @return the keys
	 */
	List<String> keys();

	/**
	 * Every revision of a key still kept (up to the bucket's history), oldest first, delete markers included.
	 * @param <T> the value type
	 * @param key the key
	 * @param type the value type
	 * @return the revisions
	 */
	<T> List<KeyValueRecord<T>> history(String key, Class<T> type);

	/**
	 * Watches keys: the callback gets the last revision of each matching key, then every new revision, on a
	 * jnats dispatcher thread, until the watch is closed.
	 * @param <T> the value type
	 * @param keyPattern a key, or a pattern with the {@code *} and {@code >} wildcards
	 * @param type the value type
	 * @param callback told about each revision (delete markers with a {@code null} value)
	 * @return the watch, to close
	 */
	<T> KeyValueWatch watch(String keyPattern, Class<T> type, Consumer<KeyValueRecord<T>> callback);
}
