package io.github.natsspring.jetstream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.natsspring.core.NatsMessageConverter;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link KeyValueOperations}, on the jnats {@link KeyValue} of one bucket, which it opens on first use
 * (jnats reads the bucket's configuration then, so the bucket must exist by that time). Thread-safe.
 */
public class KeyValueTemplate implements KeyValueOperations {

	private static final int WRONG_LAST_SEQUENCE = 10071;

	private final String bucketName;

	private final Supplier<JetStreamManagement> management;

	private final NatsMessageConverter messageConverter;

	private volatile @Nullable KeyValue keyValue;

	/**
	 * Creates a template for a bucket.
	 * @param bucketName the bucket
	 * @param management supplies the management context the bucket is opened through
	 * @param messageConverter converts values
	 */
	public KeyValueTemplate(String bucketName, Supplier<JetStreamManagement> management,
			NatsMessageConverter messageConverter) {
		this.bucketName = Objects.requireNonNull(bucketName, "bucketName");
		this.management = Objects.requireNonNull(management, "management");
		this.messageConverter = Objects.requireNonNull(messageConverter, "messageConverter");
	}

	@Override
	public String getBucketName() {
		return this.bucketName;
	}

	@Override
	public long put(String key, Object value) {
		byte[] data = toPayload(value);
		return call("put '" + key + "' into", () -> keyValue().put(key, data));
	}

	@Override
	public long create(String key, Object value) {
		byte[] data = toPayload(value);
		return checked(key, 0, () -> keyValue().create(key, data));
	}

	@Override
	public long update(String key, Object value, long expectedRevision) {
		byte[] data = toPayload(value);
		return checked(key, expectedRevision, () -> keyValue().update(key, data, expectedRevision));
	}

	@Override
	public <T> @Nullable T get(String key, Class<T> type) {
		KeyValueRecord<T> entry = getEntry(key, type);
		return (entry != null) ? entry.value() : null;
	}

	@Override
	public <T> @Nullable KeyValueRecord<T> getEntry(String key, Class<T> type) {
		io.nats.client.api.KeyValueEntry entry = call("get '" + key + "' from", () -> keyValue().get(key));
		return (entry != null) ? toRecord(entry, type) : null;
	}

	@Override
	public void delete(String key) {
		call("delete '" + key + "' from", () -> {
			keyValue().delete(key);
			return null;
		});
	}

	@Override
	public List<String> keys() {
		return call("list the keys of", () -> keyValue().keys());
	}

	@Override
	public <T> List<KeyValueRecord<T>> history(String key, Class<T> type) {
		List<io.nats.client.api.KeyValueEntry> entries = call("read the history of '" + key + "' in",
				() -> keyValue().history(key));
		List<KeyValueRecord<T>> records = new ArrayList<>(entries.size());
		for (io.nats.client.api.KeyValueEntry entry : entries) {
			records.add(toRecord(entry, type));
		}
		return records;
	}

	@Override
	public <T> KeyValueWatch watch(String keyPattern, Class<T> type, Consumer<KeyValueRecord<T>> callback) {
		Watch<T> watch = new Watch<>(type, callback);
		watch.subscription = call("watch '" + keyPattern + "' in", () -> keyValue().watch(keyPattern, watch));
		return watch;
	}

	private byte[] toPayload(Object value) {
		return this.messageConverter.toPayload(value, new Headers());
	}

	private <T> KeyValueRecord<T> toRecord(io.nats.client.api.KeyValueEntry entry, Class<T> type) {
		byte[] data = entry.getValue();
		T value = (entry.getOperation() == io.nats.client.api.KeyValueOperation.PUT && data != null)
				? type.cast(this.messageConverter.fromPayload(data, null, type)) : null;
		return new KeyValueRecord<>(entry.getBucket(), entry.getKey(), value, entry.getRevision(),
				entry.getOperation(), entry.getCreated());
	}

	private KeyValue keyValue() throws IOException {
		KeyValue keyValue = this.keyValue;
		if (keyValue == null) {
			keyValue = this.management.get().keyValue(this.bucketName);
			this.keyValue = keyValue;
		}
		return keyValue;
	}

	private long checked(String key, long expectedRevision, Call<Long> call) {
		try {
			return call.run();
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
				throw new KeyValueRevisionException(this.bucketName, key, expectedRevision, ex);
			}
			throw new NatsJetStreamException("Could not write '" + key + "' into bucket '" + this.bucketName + "'", ex);
		}
		catch (IOException | InterruptedException ex) {
			throw failure("write '" + key + "' into", ex);
		}
	}

	private <R> R call(String what, Call<R> call) {
		try {
			return call.run();
		}
		catch (JetStreamApiException ex) {
			throw new NatsJetStreamException("Could not " + what + " bucket '" + this.bucketName + "'", ex);
		}
		catch (IOException | InterruptedException ex) {
			throw failure(what, ex);
		}
	}

	private NatsJetStreamException failure(String what, Exception ex) {
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
		return new NatsJetStreamException(
				"Could not " + what + " bucket '" + this.bucketName + "': " + ex.getMessage(), ex);
	}

	@Override
	public String toString() {
		return "KeyValueTemplate[" + this.bucketName + "]";
	}

	/** A jnats key-value call. */
	@FunctionalInterface
	private interface Call<R> {

		R run() throws IOException, JetStreamApiException, InterruptedException;
	}

	/** A watch, adapting jnats' watcher to the typed callback. */
	private final class Watch<T> implements KeyValueWatcher, KeyValueWatch {

		private final Class<T> type;

		private final Consumer<KeyValueRecord<T>> callback;

		private volatile boolean initialized;

		private volatile @Nullable NatsKeyValueWatchSubscription subscription;

		Watch(Class<T> type, Consumer<KeyValueRecord<T>> callback) {
			this.type = type;
			this.callback = callback;
		}

		@Override
		public void watch(io.nats.client.api.KeyValueEntry entry) {
			this.callback.accept(toRecord(entry, this.type));
		}

		@Override
		public void endOfData() {
			this.initialized = true;
		}

		@Override
		public boolean isInitialized() {
			return this.initialized;
		}

		@Override
		public void close() {
			NatsKeyValueWatchSubscription subscription = this.subscription;
			if (subscription != null) {
				subscription.unsubscribe();
			}
		}
	}
}
