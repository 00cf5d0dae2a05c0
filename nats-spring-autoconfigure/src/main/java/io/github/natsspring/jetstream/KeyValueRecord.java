package io.github.natsspring.jetstream;

import java.time.ZonedDateTime;

import io.nats.client.api.KeyValueOperation;
import org.jspecify.annotations.Nullable;

/**
 * One revision of a key in a key-value bucket, its value converted.
 *
 * @param <T> the value type
 * @param bucket the bucket
 * @param key the key
 * @param value the value, {@code null} for a delete or purge marker
 * @param revision the revision (the sequence of the entry in the bucket's stream)
 * @param operation {@code PUT}, {@code DELETE} or {@code PURGE}
 * @param created when the revision was stored
 */
public record KeyValueRecord<T>(String bucket, String key, @Nullable T value, long revision,
		KeyValueOperation operation, ZonedDateTime created) {

	/**
	 * Whether this revision holds a value rather than a delete or purge marker.
	 * @return {@code true} for a {@code PUT}
	 */
	public boolean isPut() {
		return this.operation == KeyValueOperation.PUT;
	}
}
