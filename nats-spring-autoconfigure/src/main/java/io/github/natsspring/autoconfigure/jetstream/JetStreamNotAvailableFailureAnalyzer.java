package io.github.natsspring.autoconfigure.jetstream;

import io.github.natsspring.jetstream.JetStreamNotAvailableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link JetStreamNotAvailableException} that stopped the startup: streams or buckets are declared, or
 * a JetStream listener or bean is used, but the server has no JetStream.
 */
class JetStreamNotAvailableFailureAnalyzer extends AbstractFailureAnalyzer<JetStreamNotAvailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JetStreamNotAvailableException cause) {
		String action = cause.isConnected()
				? "Enable JetStream on the server: for the embedded broker set nats.embedded.jetstream.enabled=true;"
						+ " start nats-server with -js (or a jetstream {} block in its configuration). If the"
						+ " application does not use JetStream, remove its stream and key-value declarations and"
						+ " @JetStreamListener methods."
				: "Make sure the NATS server is reachable at startup (nats.fail-fast=true reports why it is not).";
		return new FailureAnalysis(cause.getMessage() + ".", action, cause);
	}
}
