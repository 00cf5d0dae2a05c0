package io.github.natsspring.autoconfigure.jetstream;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * JetStream settings of the auto-configured contexts, templates and listeners.
 */
@ConfigurationProperties("nats.jetstream")
public class JetStreamProperties {

	/**
	 * Whether to auto-configure JetStream (contexts, templates, declarations, listeners) on the NATS connection.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of the JetStream API subjects, instead of $JS.API, for an API imported from another account.
	 */
	private @Nullable String prefix;

	/**
	 * JetStream domain to address, for servers (leaf nodes) with several domains.
	 */
	private @Nullable String domain;

	/**
	 * How long JetStream API calls and publish acknowledgements are awaited; the connection timeout when not set.
	 */
	private @Nullable Duration requestTimeout;

	private final Listener listener = new Listener();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(@Nullable String prefix) {
		this.prefix = prefix;
	}

	public @Nullable String getDomain() {
		return this.domain;
	}

	public void setDomain(@Nullable String domain) {
		this.domain = domain;
	}

	public @Nullable Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(@Nullable Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public Listener getListener() {
		return this.listener;
	}

	/** Defaults of {@code @JetStreamListener} methods. */
	public static class Listener {

		/**
		 * Number of threads fetching for a listener that declares no concurrency.
		 */
		private int concurrency = 1;

		/**
		 * Messages each listener thread asks for per fetch.
		 */
		private int batchSize = 10;

		/**
		 * How long a fetch waits for messages before the thread fetches again; at least 1s. Also the longest an
		 * idle listener takes to stop.
		 */
		private Duration fetchExpiry = Duration.ofSeconds(1);

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getFetchExpiry() {
			return this.fetchExpiry;
		}

		public void setFetchExpiry(Duration fetchExpiry) {
			this.fetchExpiry = fetchExpiry;
		}
	}
}
