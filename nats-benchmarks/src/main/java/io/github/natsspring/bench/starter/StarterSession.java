package io.github.natsspring.bench.starter;

/**
 * The starter application shared by the raw and the starter side of each comparison, started once the server
 * under test runs. Both sides use its one jnats {@code Connection}, so only what the starter adds differs.
 */
public final class StarterSession implements AutoCloseable {

	private final StarterObservation observation;

	private StarterContext context;

	/**
	 * Creates a session whose application is started without observation.
	 */
	public StarterSession() {
		this(StarterObservation.OFF);
	}

	/**
	 * Creates a session whose application is started with the given observation.
	 * @param observation whether publishes and receives are observed
	 */
	public StarterSession(StarterObservation observation) {
		this.observation = observation;
	}

	/**
	 * Returns whether the application observes its publishes and receives.
	 * @return the observation variant
	 */
	public StarterObservation observation() {
		return this.observation;
	}

	/**
	 * Starts the starter application against a server.
	 * @param url the server's client URL
	 */
	public void start(String url) {
		close();
		this.context = StarterContext.start(url, this.observation);
	}

	StarterContext context() {
		if (this.context == null) {
			throw new IllegalStateException("The starter application is not running");
		}
		return this.context;
	}

	/**
	 * Stops the starter application, if running.
	 */
	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

}
