package io.github.natsspring.jetstream;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.natsspring.core.NatsMessageConverter;
import io.nats.client.JetStreamManagement;

/**
 * Hands out one {@link KeyValueTemplate} per bucket, all on the same management context and converter:
 * {@code keyValueTemplates.forBucket("profiles").put("alice", profile)}.
 */
public class KeyValueTemplates {

	private final Supplier<JetStreamManagement> management;

	private final NatsMessageConverter messageConverter;

	private final Map<String, KeyValueTemplate> templates = new ConcurrentHashMap<>();

	/**
	 * Creates the templates' source.
	 * @param management supplies the management context buckets are opened through
	 * @param messageConverter converts values
	 */
	public KeyValueTemplates(Supplier<JetStreamManagement> management, NatsMessageConverter messageConverter) {
		this.management = Objects.requireNonNull(management, "management");
		this.messageConverter = Objects.requireNonNull(messageConverter, "messageConverter");
	}

	/**
	 * The template of a bucket.
	 * @param bucketName the bucket
	 * @return its template, the same on every call
	 */
	public KeyValueTemplate forBucket(String bucketName) {
		return this.templates.computeIfAbsent(bucketName,
				(name) -> new KeyValueTemplate(name, this.management, this.messageConverter));
	}
}
