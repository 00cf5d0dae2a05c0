package io.github.natsspring.autoconfigure.listener;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults for {@code @NatsListener} methods. Each one left unset keeps the default of the
 * {@code NatsListenerContainerFactory}, the one place the listener defaults are defined.
 */
@ConfigurationProperties("nats.listener")
public class NatsListenerProperties {

	/**
	 * Whether listeners start with the application context, unless a listener says otherwise. When not set,
	 * they do.
	 */
	private @Nullable Boolean autoStartup;

	/**
	 * Number of subscriptions, each with its own thread, sharing the queue group of a listener that declares
	 * a queue group but no concurrency; at least 1, and 1 when not set. Listeners without a queue group always
	 * use one subscription.
	 */
	private @Nullable Integer concurrency;

	/**
	 * How long stopping a listener waits for the messages it already received to be handled; 10 seconds when
	 * not set.
	 */
	private @Nullable Duration drainTimeout;

	/**
	 * Whether listeners are observed through the application's ObservationRegistry: each message handled (timers
	 * nats.listener, spans continuing the sender's trace) and each result sent (nats.listener.reply).
	 */
	private boolean observationEnabled;

	public @Nullable Boolean getAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(@Nullable Boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(@Nullable Integer concurrency) {
		this.concurrency = concurrency;
	}

	public @Nullable Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(@Nullable Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public boolean isObservationEnabled() {
		return this.observationEnabled;
	}

	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}
}
