package io.github.natsspring.autoconfigure.listener;

import io.github.natsspring.annotation.NatsListenerMethodException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link NatsListenerMethodException}: which {@code @NatsListener} or {@code @JetStreamListener} method of which bean cannot
 * work and why, and what to change.
 */
class NatsListenerMethodFailureAnalyzer extends AbstractFailureAnalyzer<NatsListenerMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NatsListenerMethodException cause) {
		String description = "The " + cause.getAnnotation() + " method " + NatsListenerMethodException.describe(cause.getMethod())
				+ " of bean '" + cause.getBeanName() + "' cannot work: " + cause.getProblem() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}
}
