package io.github.natsspring.autoconfigure.listener;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults for {@code @NatsListener} methods.
 */
@ConfigurationProperties("nats.listener")
public class NatsListenerProperties {

	/**
	 * Whether listeners start with the application context, unless a listener says otherwise.
	 */
	private boolean autoStartup = true;

	/**
	 * Number of subscriptions, each with its own thread, sharing the queue group of a listener that declares
	 * a queue group but no concurrency. Listeners without a queue group always use one subscription.
	 */
	private int concurrency = 1;

	/**
	 * How long stopping a listener waits for the messages it already received to be handled.
	 */
	private Duration drainTimeout = Duration.ofSeconds(10);

	/**
	 * Whether listeners are observed through the application's ObservationRegistry: each message handled (timers
	 * nats.listener, spans continuing the sender's trace) and each result sent (nats.listener.reply).
	 */
	private boolean observationEnabled;

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public boolean isObservationEnabled() {
		return this.observationEnabled;
	}

	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}
}
