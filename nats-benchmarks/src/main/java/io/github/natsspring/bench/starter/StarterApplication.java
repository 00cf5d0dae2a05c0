package io.github.natsspring.bench.starter;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.listener.NatsListenerAutoConfiguration;
import io.github.natsspring.autoconfigure.observation.NatsObservationAutoConfiguration;

/**
 * The smallest application using the starter: its auto-configuration (connection, {@code NatsTemplate},
 * listener infrastructure, observation when the context has an observation registry) and one {@link NatsListener}
 * method that counts what it receives.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ NatsAutoConfiguration.class, NatsListenerAutoConfiguration.class,
		NatsObservationAutoConfiguration.class })
public class StarterApplication {

	/** The subject the counting listener subscribes to. */
	public static final String LISTENER_SUBJECT = "bench.starter.listener";

	/**
	 * The counting listener.
	 * @return the listener bean
	 */
	@Bean
	public CountingListener countingListener() {
		return new CountingListener();
	}

	/**
	 * A {@link NatsListener} method receiving the raw payload, the cheapest conversion the starter offers.
	 */
	public static class CountingListener {

		private final AtomicLong received = new AtomicLong();

		/**
		 * Counts one message.
		 * @param payload the message payload
		 */
		@NatsListener(subjects = LISTENER_SUBJECT)
		public void onMessage(byte[] payload) {
			// One writer, the listener's dispatcher thread, so a release store is enough.
			this.received.setRelease(this.received.getPlain() + 1);
		}

		/**
		 * Returns how many messages arrived so far.
		 * @return the count
		 */
		public long received() {
			return this.received.getAcquire();
		}

	}

}
