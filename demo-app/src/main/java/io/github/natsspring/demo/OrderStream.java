package io.github.natsspring.demo;

import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JetStream side of the order service, declared here and created (or updated) by the starter at startup: the
 * stream {@value #NAME} keeps every order event on disk until the workers have acknowledged it, and the key-value
 * bucket {@value #PROCESSED_BUCKET} keeps what they processed. Both live in the embedded broker's store directory
 * ({@code nats.embedded.jetstream.store-dir}), so a restart loses neither.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "nats.jetstream.enabled", matchIfMissing = true)
class OrderStream {

	/** The stream of order events. */
	static final String NAME = "ORDERS";

	/** The durable consumer the workers share; the stream remembers how far it got. */
	static final String WORKERS = "workers";

	/** The bucket of processed orders, keyed by order id. */
	static final String PROCESSED_BUCKET = "processed-orders";

	@Bean
	StreamConfiguration ordersStream() {
		return StreamConfiguration.builder()
			.name(NAME)
			.subjects(OrderSubjects.ALL)
			.storageType(StorageType.File)
			.build();
	}

	@Bean
	KeyValueConfiguration processedOrdersBucket() {
		return KeyValueConfiguration.builder().name(PROCESSED_BUCKET).storageType(StorageType.File).build();
	}
}
