package io.github.natsspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NatsConnectionFailedException}: which servers were tried and the ways out.
 */
class NatsConnectionFailureAnalyzer extends AbstractFailureAnalyzer<NatsConnectionFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsConnectionFailedException cause) {
		String description = "The application could not connect to NATS at " + cause.getServers()
				+ " and nats.fail-fast is true.\n\nReason: " + cause.getCause().getMessage();
		String action = "Start a NATS server at " + cause.getServers() + " or point nats.servers at a running one."
				+ " To start anyway and connect once a server is reachable, set nats.fail-fast=false."
				+ " To use the embedded broker instead, remove nats.servers.";
		return new FailureAnalysis(description, action, cause);
	}
}
