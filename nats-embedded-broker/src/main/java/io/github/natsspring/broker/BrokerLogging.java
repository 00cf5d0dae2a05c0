package io.github.natsspring.broker;

/**
 * Which optional log lines the broker writes, as nats-server's {@code -D} and {@code -V} flags choose.
 * Lines go to {@link System.Logger} under the {@code io.github.natsspring.broker} names, so Spring Boot
 * and any JUL setup route them like the rest of the application's logs.
 *
 * @param debug log connection lifecycle and errors at DEBUG ({@code -D})
 * @param trace log every protocol operation received and sent ({@code -V}); slow, for diagnosis only
 */
public record BrokerLogging(boolean debug, boolean trace) {

	/** Notices, warnings and errors only. */
	public static final BrokerLogging DEFAULT = new BrokerLogging(false, false);
}
