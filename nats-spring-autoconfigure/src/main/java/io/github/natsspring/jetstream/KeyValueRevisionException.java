package io.github.natsspring.jetstream;

import io.nats.client.JetStreamApiException;

/**
 * Thrown when a revision check fails: {@link KeyValueOperations#create create} of a key that exists, or
 * {@link KeyValueOperations#update update} of a key whose last revision is not the one expected.
 */
public class KeyValueRevisionException extends NatsJetStreamException {

	private final String bucket;

	private final String key;

	private final long expectedRevision;

	/**
	 * Creates an exception.
	 * @param bucket the bucket
	 * @param key the key
	 * @param expectedRevision the revision expected, 0 for a create
	 * @param cause the server's error ({@code wrong last sequence: N})
	 */
	public KeyValueRevisionException(String bucket, String key, long expectedRevision, JetStreamApiException cause) {
		super(((expectedRevision == 0) ? "Key '" + key + "' already exists in bucket '" + bucket + "'"
				: "Key '" + key + "' of bucket '" + bucket + "' is not at revision " + expectedRevision), cause);
		this.bucket = bucket;
		this.key = key;
		this.expectedRevision = expectedRevision;
	}

	/**
	 * The bucket.
	 * @return the bucket name
	 */
	public String getBucket() {
		return this.bucket;
	}

	/**
	 * The key.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * The revision the operation expected the key to be at.
	 * @return the revision, 0 when the key was expected not to exist
	 */
	public long getExpectedRevision() {
		return this.expectedRevision;
	}
}
